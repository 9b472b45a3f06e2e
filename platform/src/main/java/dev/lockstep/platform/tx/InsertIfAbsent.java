package dev.lockstep.platform.tx;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/**
 * Get-or-create of a row keyed by a natural key, safe when two transactions want it at once: the
 * row is inserted in a transaction of its own, and if another got there first (its insert fails on
 * the key) that one's row is used. The caller then reads the row, locked, in its own transaction; a
 * plain "find, else persist" in one transaction lets the loser of such a race fail with a 500.
 */
public final class InsertIfAbsent {

    private InsertIfAbsent() {
    }

    /**
     * Returns the row {@code find} reads, creating it with {@code make} first when there is none.
     * {@code find} runs in the caller's transaction (lock there as needed).
     */
    public static <T extends PanacheEntityBase> T getOrCreate(Supplier<T> find, Supplier<T> make) {
        T row = find.get();
        if (row != null) {
            return row;
        }
        RuntimeException failure = null;
        try {
            QuarkusTransaction.requiringNew().run(() -> make.get().persist());
        } catch (RuntimeException e) {
            failure = e; // most likely a concurrent insert of the same key; the read below decides
        }
        row = find.get();
        if (row == null) {
            throw failure != null ? failure : new IllegalStateException("row not created");
        }
        return row;
    }
}

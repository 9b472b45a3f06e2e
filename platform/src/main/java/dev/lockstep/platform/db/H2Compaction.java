package dev.lockstep.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Keeps an H2 database file from growing with every write. H2 writes each commit as a new chunk and
 * frees a chunk once none of its pages is live; pages that seldom change keep old chunks alive, and
 * moving them into new chunks is the work of H2's background writer, which runs only with a
 * {@code WRITE_DELAY}. The services run with {@code WRITE_DELAY=0} (a commit is on disk before it is
 * acknowledged, so that a killed service loses nothing it confirmed), so without this the file kept
 * growing in a soak after its rows had stopped (docs/security.md, Soak). This does what the
 * background writer would: it rewrites the live pages of the emptiest chunks (H2's own {@code MVStore.compact}), and the chunks
 * left without live pages are freed and reused once H2's retention time has passed. The file does not
 * shrink; it stops growing.
 */
public final class H2Compaction {

    /** Below this share of live data in the chunks, chunks are rewritten. */
    static final int TARGET_FILL_RATE = 50;
    private static final int WRITE_LIMIT_BYTES = 4 * 1024 * 1024;

    private H2Compaction() {
    }

    /**
     * Rewrites chunks until at least half of what the chunks hold is live, nothing more can be
     * rewritten, or {@code budgetMillis} has passed; returns the chunks' fill rate (percent) after.
     * Does nothing, returning -1, for a database that is not an H2 file.
     */
    public static int compact(Connection connection, long budgetMillis) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return -1;
        }
        MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
        FileStore<?> file = store.getFileStore();
        if (file == null) {
            return -1;
        }
        long deadline = System.nanoTime() + budgetMillis * 1_000_000;
        while (file.getChunksFillRate() < TARGET_FILL_RATE && System.nanoTime() < deadline
                && store.compact(TARGET_FILL_RATE, WRITE_LIMIT_BYTES)) {
            store.commit();
        }
        return file.getChunksFillRate();
    }
}

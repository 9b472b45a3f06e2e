package dev.lockstep.platform.reset;

import dev.lockstep.platform.config.LockstepConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Empties this service's data ({@code lockstep.reset.tables}, in order) in one transaction, moves
 * the service to the reset's {@link SandboxEpoch epoch}, then tells the service's own beans
 * ({@link Done}) so that caches follow. Scenarios start from here.
 */
@ApplicationScoped
public class SandboxReset {

    /** Fired in the reset's transaction, after the tables are empty. */
    public record Done() {
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,63}");

    private final LockstepConfig config;

    private final Event<Done> done;

    private final SandboxEpoch epochs;

    public SandboxReset(LockstepConfig config, Event<Done> done, SandboxEpoch epochs) {
        this.config = config;
        this.done = done;
        this.epochs = epochs;
    }

    /** Empties this service alone; it stays at its epoch. */
    @Transactional
    public List<String> reset() {
        return reset(null);
    }

    /**
     * Empties this service and, if {@code epoch} is given (a sandbox-wide reset), moves it there:
     * events written before are ignored from now on.
     */
    @Transactional
    public List<String> reset(Long epoch) {
        long next = epoch != null ? epoch : epochs.current();
        List<String> tables = config.reset().tables().orElse(List.of());
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalStateException("lockstep.reset.tables holds a name that is not a table: " + table);
            }
            Panache.getEntityManager().createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        epochs.set(next);
        done.fire(new Done());
        return tables;
    }
}

package dev.lockstep.platform.reset;

import dev.lockstep.platform.config.LockstepConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Empties this service's data ({@code lockstep.reset.tables}, in order) in one transaction, then
 * tells the service's own beans ({@link Done}) so that caches follow. Scenarios start from here.
 */
@ApplicationScoped
public class SandboxReset {

    /** Fired in the reset's transaction, after the tables are empty. */
    public record Done() {
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,63}");

    @Inject
    LockstepConfig config;

    @Inject
    Event<Done> done;

    @Transactional
    public List<String> reset() {
        List<String> tables = config.reset().tables().orElse(List.of());
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalStateException("lockstep.reset.tables holds a name that is not a table: " + table);
            }
            Panache.getEntityManager().createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        done.fire(new Done());
        return tables;
    }
}

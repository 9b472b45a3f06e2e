package dev.lockstep.platform.db;

import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.config.LockstepConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs {@link H2Compaction} every {@code lockstep.h2.compaction-interval} when the service keeps its data in an H2 file. */
@ApplicationScoped
public class H2Housekeeping {

    private final AgroalDataSource dataSource;

    private final PeriodicTasks tasks;

    private final LockstepConfig config;

    public H2Housekeeping(AgroalDataSource dataSource, PeriodicTasks tasks, LockstepConfig config) {
        this.config = config;
        this.tasks = tasks;
        this.dataSource = dataSource;
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    void start(@Observes StartupEvent startup) {
        if (url.startsWith("jdbc:h2:file:")) {
            tasks.every("h2-compaction", config.h2().compactionInterval(), this::compact);
        }
    }

    /** One round; the chunks' fill rate after it (percent), -1 when the database is no H2 file. */
    public int compact() {
        try (Connection connection = dataSource.getConnection()) {
            return H2Compaction.compact(connection, config.h2().compactionInterval().toMillis() / 10);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 compaction: " + e.getMessage(), e);
        }
    }
}

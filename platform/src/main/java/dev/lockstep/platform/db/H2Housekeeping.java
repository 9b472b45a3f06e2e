package dev.lockstep.platform.db;

import dev.lockstep.platform.clock.PeriodicTask;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs {@link H2Compaction} every {@code lockstep.h2.compaction-interval} when the service keeps its data in an H2 file. */
@ApplicationScoped
public class H2Housekeeping {

    private final AgroalDataSource dataSource;

    public H2Housekeeping(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "lockstep.h2.compaction-interval", defaultValue = "10s")
    Duration interval;

    private PeriodicTask timer;

    void start(@Observes StartupEvent startup) {
        if (url.startsWith("jdbc:h2:file:")) {
            timer = PeriodicTask.start("h2-compaction", interval.toMillis(), this::compact);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.close();
        }
    }

    /** One round; the chunks' fill rate after it (percent), -1 when the database is no H2 file. */
    public int compact() {
        try (Connection connection = dataSource.getConnection()) {
            return H2Compaction.compact(connection, interval.toMillis() / 10);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 compaction: " + e.getMessage(), e);
        }
    }
}

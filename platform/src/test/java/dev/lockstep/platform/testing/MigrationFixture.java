package dev.lockstep.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A service's own Flyway migrations on a fresh in-memory H2 database, up to a version and then the
 * rest: how a test shows that a migration moves the data an older version left behind.
 */
public final class MigrationFixture {

    private final String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    /** Migrates to {@code version} (e.g. {@code 1.14}) and no further. */
    public MigrationFixture upTo(String version) {
        flyway(version).migrate();
        return this;
    }

    /** Migrates the rest of the way. */
    public MigrationFixture toLatest() {
        flyway("latest").migrate();
        return this;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/platform", "classpath:db/migration")
                .target(target).load();
    }
}

package dev.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.platform.testing.MigrationFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Upgrading keeps the fault seed an operator set: it moves into runtime_setting, as text. */
class RuntimeSettingsMigrationTest {

    @Test
    void theSeedOfAnOlderSandboxSurvivesTheUpgrade() throws SQLException {
        MigrationFixture database = new MigrationFixture().upTo("1.7");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sim_setting (name, long_value) VALUES ('seed', -9007199254740993)");
        }
        database.toLatest();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT name, setting_value FROM runtime_setting")) {
                assertTrue(rows.next());
                assertEquals("seed", rows.getString(1));
                assertEquals(-9007199254740993L, Long.parseLong(rows.getString(2)));
                assertFalse(rows.next(), "one row");
            }
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM sim_setting"));
        }
    }
}

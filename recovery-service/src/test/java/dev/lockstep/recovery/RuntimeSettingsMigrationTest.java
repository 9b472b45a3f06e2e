package dev.lockstep.recovery;

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

/** Upgrading keeps the recovery settings operators changed: they move into runtime_setting as "recovery". */
class RuntimeSettingsMigrationTest {

    @Test
    void theRecoverySettingsOfAnOlderSandboxSurviveTheUpgrade() throws SQLException {
        MigrationFixture database = new MigrationFixture().upTo("1.2");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO recovery_setting (name, setting_value) VALUES ('settings', '{\"waitingPeriod\":\"P1D\"}')");
        }
        database.toLatest();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT name, setting_value FROM runtime_setting")) {
                assertTrue(rows.next());
                assertEquals("recovery", rows.getString(1));
                assertEquals("{\"waitingPeriod\":\"P1D\"}", rows.getString(2));
                assertFalse(rows.next(), "one row");
            }
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM recovery_setting"));
        }
    }
}

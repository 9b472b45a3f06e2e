package dev.lockstep.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockstep.platform.testing.MigrationFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Upgrading keeps what operators set: the lockout settings and the risk policy move into runtime_setting. */
class RuntimeSettingsMigrationTest {

    @Test
    void theLockoutSettingsAndTheRiskPolicyOfAnOlderSandboxSurviveTheUpgrade() throws SQLException {
        MigrationFixture database = new MigrationFixture().upTo("1.14");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO auth_setting (name, text_value) VALUES ('lockout.preset', 'cognito'), "
                    + "('lockout.reveal-lock-state', 'true')");
            s.executeUpdate("INSERT INTO risk_setting (id, body) VALUES (1, '{\"enabled\":true,\"mediumAt\":31}')");
        }
        database.toLatest();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            Map<String, String> settings = new TreeMap<>();
            try (ResultSet rows = s.executeQuery("SELECT name, setting_value FROM runtime_setting")) {
                while (rows.next()) {
                    settings.put(rows.getString(1), rows.getString(2));
                }
            }
            assertEquals(Map.of("lockout.preset", "cognito", "lockout.reveal-lock-state", "true",
                    "risk", "{\"enabled\":true,\"mediumAt\":31}"), settings);
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM auth_setting"));
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM risk_setting"));
        }
    }
}

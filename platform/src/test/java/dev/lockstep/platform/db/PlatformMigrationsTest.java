package dev.lockstep.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.platform.testing.PlatformTables;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Platform's tables come from platform's migrations alone: a service that brings none of its own
 * still has its audit trail and its runtime settings, and a service migration from 3.0 on that names
 * one of them is caught.
 */
class PlatformMigrationsTest {

    @Test
    void platformsMigrationsAloneGiveAServiceItsAuditTrailAndRuntimeSettings() throws SQLException {
        String url = "jdbc:h2:mem:platform-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/platform").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement audit = db.prepareStatement(
                    "INSERT INTO audit_entry (at, operator, action, target, reason) VALUES (?, ?, ?, ?, ?)")) {
                audit.setObject(1, OffsetDateTime.parse("2026-12-07T02:00:00Z"));
                audit.setString(2, "o".repeat(128));
                audit.setString(3, "a".repeat(64));
                audit.setString(4, "t".repeat(128));
                audit.setString(5, "r".repeat(512));
                audit.executeUpdate();
            }
            try (PreparedStatement setting = db.prepareStatement(
                    "INSERT INTO runtime_setting (name, setting_value) VALUES (?, ?)")) {
                setting.setString(1, "n".repeat(64));
                setting.setString(2, "{" + "v".repeat(99_998) + "}");
                setting.executeUpdate();
            }
            try (ResultSet rows = db.createStatement().executeQuery(
                    "SELECT (SELECT id FROM audit_entry), (SELECT LENGTH(setting_value) FROM runtime_setting)")) {
                rows.next();
                assertEquals(1L, rows.getLong(1));
                assertEquals(100_000, rows.getInt(2));
            }
        }
    }

    @Test
    void aServiceMigrationFromThreeOnThatNamesAPlatformTableIsCaughtAndOlderHistoryIsNot() {
        assertEquals(List.of("V3_1__changes_the_audit_trail.sql"),
                PlatformTables.namedByMigrationsIn("platform-tables-fixture"));
    }
}

package dev.lockstep.bench.scale;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts and messages written straight into the services' H2 files while the sandbox is stopped,
 * not through the API: each generated row is a copy of a reference row that the API made (so every
 * column holds what the service itself writes, and the password hash is a real PHC string that
 * verifies), with its keys, name and number made unique. Account {@code i} (from 1) is
 * {@link #username(long)}, its phone {@link #phone(long)}; each has a trusted phone in otp-service,
 * one login attempt in auth-service and one delivered message in the simulator's delivery log.
 */
final class GeneratedRows {

    private static final int CHUNK = 50_000;
    private static final String ACCOUNT_ID = "'00000000-0000-4000-8000-' || LPAD(X, 12, '0')";
    private static final String USERNAME = "'scale-' || X";
    private static final String PHONE = "'+8180' || LPAD(X, 8, '0')";

    /** What the API made for the reference account, to be copied. */
    record Reference(String username, String phone) {
    }

    private GeneratedRows() {
    }

    static String username(long i) {
        return "scale-" + i;
    }

    static String phone(long i) {
        return String.format(Locale.ROOT, "+8180%08d", i);
    }

    /** Writes {@code n} accounts and messages into the H2 files under {@code dbDir}. */
    static void write(Path dbDir, Reference reference, long n) throws SQLException {
        String user = "'" + reference.username() + "'";
        String phone = "'" + reference.phone() + "'";
        try (Connection auth = open(dbDir, "auth-service")) {
            copy(auth, "account", "r.username = " + user,
                    Map.of("id", ACCOUNT_ID, "username", USERNAME, "phone", PHONE, "email", "NULL"), n);
            copy(auth, "login_attempt", "r.id = (SELECT MIN(id) FROM login_attempt WHERE username = " + user + ")",
                    Map.of("account_id", ACCOUNT_ID, "username", USERNAME), n);
        }
        try (Connection otp = open(dbDir, "otp-service")) {
            copy(otp, "factor", "r.id = (SELECT MIN(id) FROM factor WHERE phone = " + phone + ")",
                    Map.of("id", "'00000000-0000-4000-9000-' || LPAD(X, 12, '0')", "account_id", ACCOUNT_ID,
                            "phone", PHONE),
                    n);
        }
        try (Connection sim = open(dbDir, "sms-gateway-sim")) {
            copy(sim, "phone", "r.e164 = " + phone, Map.of("e164", PHONE), n);
            copy(sim, "message", "r.seq = (SELECT MIN(seq) FROM message WHERE phone = " + phone + ")",
                    Map.of("id", "'SM' || LPAD(X, 32, '0')", "phone", PHONE, "address", PHONE,
                            "account_id", ACCOUNT_ID, "correlation_id", "RANDOM_UUID()"),
                    n);
        }
    }

    private static Connection open(Path dbDir, String service) throws SQLException {
        // the services open their files as H2's default (empty) user
        return DriverManager.getConnection("jdbc:h2:file:" + dbDir.resolve(service).toAbsolutePath(), "", "");
    }

    /**
     * Copies the one row {@code reference} selects (as {@code r}) {@code n} times, column by column,
     * each copy's {@code overrides} computed from its number {@code X}; identity columns count on.
     */
    static void copy(Connection db, String table, String reference, Map<String, String> overrides, long n)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT COLUMN_NAME, IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            q.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (!"YES".equals(rs.getString(2))) {
                        columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Set<String> unknown = new HashSet<>(overrides.keySet());
        unknown.removeAll(columns);
        if (columns.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalStateException("table " + table + " has no column " + unknown + " (columns: " + columns + ")");
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + columns.stream().map(c -> overrides.getOrDefault(c, "r." + c)).collect(Collectors.joining(", "))
                + " FROM " + table + " r, SYSTEM_RANGE(?, ?) WHERE " + reference;
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (long from = 1; from <= n; from += CHUNK) {
                long to = Math.min(n, from + CHUNK - 1);
                insert.setLong(1, from);
                insert.setLong(2, to);
                int written = insert.executeUpdate();
                if (written != to - from + 1) {
                    throw new IllegalStateException("the reference row of " + table + " is missing (" + reference
                            + "): " + written + " rows written for " + (to - from + 1));
                }
            }
        }
    }
}

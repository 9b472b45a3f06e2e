package dev.lockstep.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file written as the services write it (WRITE_DELAY=0, a commit per change, rows inserted and
 * deleted again as the outbox does, a row of a large table changed now and then) ends over three times
 * as large without a compaction now and then as with it. (How flat the compacted file stays over a few
 * seconds depends on the machine's speed against H2's chunk retention time, so this test does not
 * claim it; the soak in docs/security.md shows the sizes over 30 minutes.)
 */
class H2CompactionTest {

    private static final int ROUNDS = 6;
    private static final int COMMITS_PER_ROUND = 1500;

    @TempDir
    Path dir;

    /** The file's size after each round of writes; compacted between rounds or not. */
    private long[] sizesAfterRounds(String name, boolean compact) throws Exception {
        // a short retention time, so that chunks freed by the compaction are reused within the test
        String url = "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=10";
        long[] sizes = new long[ROUNDS];
        try (Connection db = DriverManager.getConnection(url, "", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE account (id INT PRIMARY KEY, name VARCHAR(100))");
                ddl.execute("CREATE TABLE outbox (id BIGINT PRIMARY KEY, payload VARCHAR(400))");
                ddl.execute("INSERT INTO account SELECT X, 'account ' || X FROM SYSTEM_RANGE(1, 20000)");
            }
            long next = 0;
            Random random = new Random(7);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < COMMITS_PER_ROUND; i++, next++) {
                    execute(db, "INSERT INTO outbox VALUES (?, REPEAT('x', 300))", next);
                    execute(db, "DELETE FROM outbox WHERE id = ?", next);
                    // a row now and then: most pages of the table stay as they were, in old chunks
                    if (i % 5 == 0) {
                        execute(db, "UPDATE account SET name = 'seen ' || ? WHERE id = " + (1 + random.nextInt(20000)), next);
                    }
                    if (compact && i % 300 == 299) {
                        H2Compaction.compact(db, 1000);
                    }
                }
                sizes[round] = Files.size(dir.resolve(name + ".mv.db"));
            }
            assertEquals(20000, count(db, "SELECT COUNT(*) FROM account"), "no row lost to the compaction");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM outbox"));
        }
        return sizes;
    }

    private static void execute(Connection db, String sql, long value) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, value);
            statement.executeUpdate();
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anUncompactedFileGrowsToOverThreeTimesACompactedOne() throws Exception {
        long[] plain = sizesAfterRounds("plain", false);
        long[] compacted = sizesAfterRounds("compacted", true);
        String figures = "without: " + Arrays.toString(plain) + ", with: " + Arrays.toString(compacted);
        assertTrue(plain[ROUNDS - 1] > plain[0], "without, the file keeps growing: " + figures);
        assertTrue(plain[ROUNDS - 1] > 3 * compacted[ROUNDS - 1], "without, it ends over three times as large: " + figures);
    }

    @Test
    void aDatabaseThatIsNoH2FileIsLeftAlone() throws Exception {
        try (Connection memory = DriverManager.getConnection("jdbc:h2:mem:compaction-test", "", "")) {
            assertEquals(-1, H2Compaction.compact(memory, 100));
        }
    }
}

package dev.lockstep.platform.retention;

import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.reset.SandboxReset;
import dev.lockstep.platform.settings.RuntimeSettings;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Keeps the tables that grow with every login, code and message bounded: each rule of
 * {@code lockstep.retention.rules} removes the rows of its table dated (on the sandbox clock) further
 * back than it keeps, every {@code lockstep.retention.interval}. Moving the sandbox clock ahead
 * therefore ages rows too, as time would on a real provider. Operators may change how long a table
 * keeps its rows at run time ({@code PUT /v1/admin/retention}, a runtime setting).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final Pattern NAME = Pattern.compile("[a-z_]{1,63}");
    private static final Pattern REFERRER = Pattern.compile("^[a-z_]{1,63}\\.[a-z_]{1,63}$");

    /**
     * One rule as it applies, with the rows its table holds now; {@code keep} in ISO-8601 (P30D, PT12H);
     * {@code keptWhileReferencedBy}: the columns whose references keep a row however old it is;
     * {@code belongsTo}: the table whose row keeps a row while it is there (null for none).
     */
    public record Rule(String table, String column, String keep, List<String> keptWhileReferencedBy, String belongsTo,
            long rows) {
    }

    private final LockstepConfig config;

    private final SandboxClock clock;

    private final RuntimeSettings settings;

    private final PeriodicTasks tasks;

    public Retention(LockstepConfig config, SandboxClock clock, RuntimeSettings settings, PeriodicTasks tasks) {
        this.tasks = tasks;
        this.config = config;
        this.clock = clock;
        this.settings = settings;
    }

    static final String SETTING = "retention.keep";
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofDays(3650);

    /** What operators changed: how long a table's rows are kept, by table (ISO-8601 durations). */
    public record Keeps(Map<String, String> keep) {
    }

    void start(@Observes StartupEvent startup) {
        rules().forEach((table, rule) -> {
            if (!NAME.matcher(table).matches() || !NAME.matcher(rule.column()).matches()
                    || !referrers(rule).stream().allMatch(REFERRER.asPredicate())
                    || rule.parent().filter(p -> !NAME.matcher(p.table()).matches() || !NAME.matcher(p.key()).matches())
                            .isPresent()) {
                throw new IllegalStateException("lockstep.retention.rules holds a name that is not a table or column: "
                        + table + "." + rule.column() + " " + referrers(rule) + " " + rule.parent().map(p -> p.table()
                                + "." + p.key()).orElse(""));
            }
        });
        if (!rules().isEmpty()) {
            tasks.every("retention", config.retention().interval(), this::apply);
        }
    }

    /**
     * Removes what every rule no longer keeps, each table in a transaction of its own: first the tables
     * whose rows nothing else keeps, in table-name order, then those whose rows stay while referred to
     * or while their parent row is there; returns the rows removed by table.
     */
    public Map<String, Integer> apply() {
        Instant now = clock.instant();
        Map<String, Duration> keeps = keeps();
        Map<String, Integer> removed = new TreeMap<>();
        List<Map.Entry<String, LockstepConfig.Retention.Rule>> ordered = rules().entrySet().stream()
                .sorted(Comparator.comparing(e -> !referrers(e.getValue()).isEmpty() || e.getValue().parent().isPresent()))
                .toList();
        ordered.forEach(entry -> {
            String table = entry.getKey();
            LockstepConfig.Retention.Rule rule = entry.getValue();
            Duration keep = keeps.get(table);
            int rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                    .createNativeQuery(deletion(table, rule))
                    .setParameter(1, now.minus(keep))
                    .executeUpdate());
            if (rows > 0) {
                LOG.debugf("retention: %d rows of %s older than %s removed", rows, table, keep);
            }
            removed.put(table, rows);
        });
        return removed;
    }

    /** The rows of {@code table} that {@code rule} no longer keeps: dated before ?1, and nothing else keeping them. */
    private static String deletion(String table, LockstepConfig.Retention.Rule rule) {
        StringBuilder delete = new StringBuilder("DELETE FROM " + table + " WHERE " + rule.column() + " < ?1");
        for (String referrer : referrers(rule)) {
            String[] tableColumn = referrer.split("\\.");
            delete.append(" AND NOT EXISTS (SELECT 1 FROM ").append(tableColumn[0]).append(" r WHERE r.")
                    .append(tableColumn[1]).append(" = ").append(table).append(".id)");
        }
        rule.parent().ifPresent(parent -> delete.append(" AND NOT EXISTS (SELECT 1 FROM ").append(parent.table())
                .append(" p WHERE p.id = ").append(table).append('.').append(parent.key()).append(')'));
        return delete.toString();
    }

    /** A reset goes back to the configured rules (in the reset's transaction). */
    void onReset(@Observes SandboxReset.Done done) {
        settings.remove(SETTING);
    }

    /** The rules as they apply now (operators' changes over the configuration), with each table's row count. */
    public List<Rule> describe() {
        Map<String, Duration> keeps = keeps();
        return rules().entrySet().stream().map(e -> new Rule(e.getKey(), e.getValue().column(), iso(keeps.get(e.getKey())),
                referrers(e.getValue()), e.getValue().parent().map(LockstepConfig.Retention.Rule.Parent::table).orElse(null),
                QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                        .createNativeQuery("SELECT COUNT(*) FROM " + e.getKey()).getSingleResult()).longValue())))
                .toList();
    }

    /**
     * Changes how long some tables keep their rows (a sandbox reset goes back to the configuration);
     * refuses, changing nothing, a table without a rule or a duration outside one minute to ten years.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Duration> change(Keeps change) {
        if (change == null || change.keep() == null || change.keep().isEmpty()) {
            throw ProblemException.badRequest("invalid-retention", "Name the tables and how long they keep rows",
                    "Send {\"keep\": {\"<table>\": \"P7D\"}}.");
        }
        Map<String, String> stored = new TreeMap<>(stored());
        Map<String, Duration> changed = new TreeMap<>();
        change.keep().forEach((table, keep) -> {
            if (!rules().containsKey(table)) {
                throw ProblemException.badRequest("invalid-retention", "No retention rule for that table",
                        "Tables with a rule: " + rules().keySet()).with("table", table);
            }
            changed.put(table, parse(table, keep));
        });
        changed.forEach((table, keep) -> stored.put(table, iso(keep)));
        settings.putJson(SETTING, new Keeps(stored));
        return changed;
    }

    /** Whole days as days (P30D), anything else as Java writes it (PT12H). */
    static String iso(Duration keep) {
        return keep.toSeconds() % 86_400 == 0 && keep.getNano() == 0 ? "P" + keep.toDays() + "D" : keep.toString();
    }

    private static Duration parse(String table, String keep) {
        try {
            Duration parsed = Duration.parse(keep == null ? "" : keep);
            if (parsed.compareTo(SHORTEST) >= 0 && parsed.compareTo(LONGEST) <= 0) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-retention", "Not a duration from PT1M to P3650D",
                "keep." + table + " must be an ISO-8601 duration such as P7D.").with("table", table);
    }

    private Map<String, String> stored() {
        return settings.json(SETTING, Keeps.class).map(Keeps::keep).orElse(Map.of());
    }

    /** How long each table keeps its rows now: an operator's change, else the configuration. */
    private Map<String, Duration> keeps() {
        // in the caller's transaction if there is one (a change not yet committed shows at once)
        Map<String, String> changed = QuarkusTransaction.isActive() ? stored()
                : QuarkusTransaction.requiringNew().call(this::stored);
        Map<String, Duration> keeps = new TreeMap<>();
        rules().forEach((table, rule) -> keeps.put(table,
                changed.containsKey(table) ? Duration.parse(changed.get(table)) : rule.keep()));
        return keeps;
    }

    private static List<String> referrers(LockstepConfig.Retention.Rule rule) {
        return rule.keptWhileReferencedBy().orElse(List.of());
    }

    private Map<String, LockstepConfig.Retention.Rule> rules() {
        return new TreeMap<>(config.retention().rules());
    }
}

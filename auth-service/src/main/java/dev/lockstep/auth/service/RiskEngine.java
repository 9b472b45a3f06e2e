package dev.lockstep.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.Device;
import dev.lockstep.auth.domain.GeoIp;
import dev.lockstep.auth.domain.LoginAttempt;
import dev.lockstep.auth.domain.PhoneRisk;
import dev.lockstep.auth.domain.RiskPolicy;
import dev.lockstep.auth.domain.RiskSetting;
import dev.lockstep.contracts.RiskAssessed;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Weighs each login attempt's risk from its client context and the account's history (Cognito's
 * adaptive authentication with Lockstep's signals), records the attempt, and says what to do.
 * Settings live in the database ({@code GET/PUT /v1/admin/risk}); off until an operator turns it on.
 */
@ApplicationScoped
public class RiskEngine {

    /** Who is knocking: the first {@code X-Forwarded-For} address, the user agent, the device id. */
    public record Client(String ip, String userAgent, String deviceKey) {

        public static final Client UNKNOWN = new Client(null, null, null);
    }

    /** The settings as operators read and write them; a PUT may leave any field out to keep it. */
    public record Settings(Boolean enabled, Map<String, Integer> weights, Integer mediumAt, Integer highAt,
            Map<String, String> actions, Map<String, Boolean> alertOwner, Integer impossibleTravelKmh,
            Integer stuffingAccounts, String stuffingWindow, Integer deviceAccounts, String deviceWindow,
            String simSwapWindow, List<String> compromisedPasswords, Integer compromisedPasswordCount,
            List<GeoIp.Range> geoip) {
    }

    /** The stored form: the compromised list only as SHA-256 digests. */
    record Stored(boolean enabled, Map<String, Integer> weights, int mediumAt, int highAt, Map<String, String> actions,
            Map<String, Boolean> alertOwner, int impossibleTravelKmh, int stuffingAccounts, String stuffingWindow,
            int deviceAccounts, String deviceWindow, String simSwapWindow, List<String> compromisedPasswordSha256,
            List<GeoIp.Range> geoip) {

        RiskPolicy policy() {
            return new RiskPolicy(enabled, weights, mediumAt, highAt, actions, alertOwner, impossibleTravelKmh,
                    stuffingAccounts, Duration.parse(stuffingWindow), deviceAccounts, Duration.parse(deviceWindow),
                    Duration.parse(simSwapWindow), compromisedPasswordSha256, geoip);
        }

        static Stored of(RiskPolicy p) {
            return new Stored(p.enabled(), p.weights(), p.mediumAt(), p.highAt(), p.actions(), p.alertOwner(),
                    p.impossibleTravelKmh(), p.stuffingAccounts(), p.stuffingWindow().toString(), p.deviceAccounts(),
                    p.deviceWindow().toString(), p.simSwapWindow().toString(), p.compromisedPasswordSha256(), p.geoip());
        }
    }

    /** The assessment of one attempt and the attempt's record. */
    public record Verdict(RiskPolicy.Assessment assessment, GeoIp.Location location) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    SandboxClock clock;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    OwnerAlerts alerts;

    private static final RiskPolicy DEFAULTS = RiskPolicy.defaults(
            RiskPolicy.COMMON_BREACHED.stream().map(RiskEngine::sha256).toList());

    /** The sandbox's risk policy now. */
    public RiskPolicy policy() {
        RiskSetting row = RiskSetting.findById(RiskSetting.SANDBOX);
        if (row == null) {
            return DEFAULTS;
        }
        try {
            return json.readValue(row.body, Stored.class).policy();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored risk settings are unreadable", e);
        }
    }

    public Settings view() {
        return view(policy());
    }

    /** Changes the settings (fields left out stay); audited without the passwords of the list. */
    @Transactional
    public Settings set(Settings change, String operator) {
        RiskPolicy base = policy();
        Map<String, Integer> weights = new LinkedHashMap<>(base.weights());
        if (change.weights() != null) {
            weights.putAll(change.weights());
        }
        Map<String, String> actions = new LinkedHashMap<>(base.actions());
        if (change.actions() != null) {
            actions.putAll(change.actions());
        }
        Map<String, Boolean> alertOwner = new LinkedHashMap<>(base.alertOwner());
        if (change.alertOwner() != null) {
            alertOwner.putAll(change.alertOwner());
        }
        RiskPolicy next = new RiskPolicy(
                change.enabled() != null ? change.enabled() : base.enabled(), weights,
                change.mediumAt() != null ? change.mediumAt() : base.mediumAt(),
                change.highAt() != null ? change.highAt() : base.highAt(), actions, alertOwner,
                change.impossibleTravelKmh() != null ? change.impossibleTravelKmh() : base.impossibleTravelKmh(),
                change.stuffingAccounts() != null ? change.stuffingAccounts() : base.stuffingAccounts(),
                window(change.stuffingWindow(), base.stuffingWindow(), "stuffingWindow"),
                change.deviceAccounts() != null ? change.deviceAccounts() : base.deviceAccounts(),
                window(change.deviceWindow(), base.deviceWindow(), "deviceWindow"),
                window(change.simSwapWindow(), base.simSwapWindow(), "simSwapWindow"),
                change.compromisedPasswords() != null
                        ? change.compromisedPasswords().stream().map(RiskEngine::sha256).distinct().toList()
                        : base.compromisedPasswordSha256(),
                change.geoip() != null ? List.copyOf(change.geoip()) : base.geoip());
        String problem = next.problem();
        if (problem != null) {
            throw ProblemException.badRequest("invalid-risk-settings", problem, null);
        }
        RiskSetting row = RiskSetting.findById(RiskSetting.SANDBOX);
        String body;
        try {
            body = json.writeValueAsString(Stored.of(next));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (row == null) {
            row = new RiskSetting();
            row.id = RiskSetting.SANDBOX;
            row.body = body;
            row.persist();
        } else {
            row.body = body;
        }
        Settings shown = view(next);
        audit.record(operator, "risk.settings", "sandbox", "enabled=" + next.enabled() + " mediumAt=" + next.mediumAt()
                + " highAt=" + next.highAt() + " actions=" + next.actions() + " alertOwner=" + next.alertOwner()
                + " compromisedPasswords=" + next.compromisedPasswordSha256().size() + " geoipRanges=" + next.geoip().size());
        return shown;
    }

    private static Settings view(RiskPolicy p) {
        return new Settings(p.enabled(), p.weights(), p.mediumAt(), p.highAt(), p.actions(), p.alertOwner(),
                p.impossibleTravelKmh(), p.stuffingAccounts(), p.stuffingWindow().toString(), p.deviceAccounts(),
                p.deviceWindow().toString(), p.simSwapWindow().toString(), null, p.compromisedPasswordSha256().size(),
                p.geoip());
    }

    private static Duration window(String text, Duration fallback, String field) {
        if (text == null) {
            return fallback;
        }
        Duration parsed = RiskPolicy.duration(text);
        if (parsed == null) {
            throw ProblemException.badRequest("invalid-risk-settings", field + " is not an ISO-8601 duration such as PT10M",
                    null);
        }
        return parsed;
    }

    /**
     * Weighs an attempt on a known account. {@code passwordOk}: the password was right (only then is
     * the compromised list consulted and the action applied by the caller).
     */
    public Verdict assess(Account account, Client client, String password, boolean passwordOk) {
        RiskPolicy policy = policy();
        Optional<GeoIp.Location> location = GeoIp.locate(policy.geoip(), client.ip());
        if (!policy.enabled()) {
            return new Verdict(RiskPolicy.Assessment.NONE, location.orElse(null));
        }
        Instant now = clock.instant();
        Set<String> fired = new HashSet<>();
        // The same queries run for an unknown username (with a name no account has): a refused login
        // must not take longer because the account exists.
        String accountId = account != null ? account.id : "";
        String username = account != null ? account.username : "";
        List<LoginAttempt> successes = LoginAttempt.<LoginAttempt>find(
                "accountId = ?1 and outcome = 'password-ok' order by at desc, id desc", accountId).page(0, 50).list();
        if (client.deviceKey() != null && !successes.isEmpty() && Device.of(accountId, client.deviceKey()).isEmpty()) {
            fired.add("new-device");
        }
        if (location.isPresent()) {
            GeoIp.Location here = location.get();
            boolean anyCountry = successes.stream().anyMatch(a -> a.country != null);
            if (anyCountry && successes.stream().noneMatch(a -> here.country().equals(a.country))) {
                fired.add("new-country");
            }
            successes.stream().filter(a -> a.latitude != null).findFirst().ifPresent(last -> {
                double km = GeoIp.distanceKm(last.latitude, last.longitude, here.latitude(), here.longitude());
                double hours = Math.max(Duration.between(last.at, now).toSeconds(), 60) / 3600.0;
                if (km > 500 && km / hours > policy.impossibleTravelKmh()) {
                    fired.add("impossible-travel");
                }
            });
        }
        if (client.ip() != null && distinctUsernames("ip", client.ip(), now.minus(policy.stuffingWindow()), true)
                >= policy.stuffingAccounts()) {
            fired.add("credential-stuffing");
        }
        if (client.deviceKey() != null) {
            long others = distinctUsernames("deviceKey", client.deviceKey(), now.minus(policy.deviceWindow()), false);
            boolean seenThisOne = LoginAttempt.count("deviceKey = ?1 and username = ?2 and at >= ?3",
                    client.deviceKey(), username, now.minus(policy.deviceWindow())) > 0;
            if (others + (seenThisOne ? 0 : 1) >= policy.deviceAccounts()) {
                fired.add("device-many-accounts");
            }
        }
        PhoneRisk phone = PhoneRisk.findById(account != null && account.phone != null ? account.phone : "");
        if (phone != null && !"active".equals(phone.sim) && phone.changedAt.isAfter(now.minus(policy.simSwapWindow()))) {
            fired.add("sim-swap");
        }
        if (passwordOk && password != null && policy.compromisedPasswordSha256().contains(sha256(password))) {
            fired.add("compromised-password");
        }
        return new Verdict(policy.assess(fired), location.orElse(null));
    }

    /**
     * Distinct usernames among the latest 200 attempts from one IP or device since {@code since}
     * (only failed ones if asked): bounded work however busy the address is, enough for thresholds
     * far below 200.
     */
    private static long distinctUsernames(String field, String value, Instant since, boolean failedOnly) {
        String query = "select a.username from LoginAttempt a where a." + field + " = ?1 and a.at >= ?2"
                + (failedOnly ? " and a.outcome in ('wrong-password', 'unknown-user')" : "") + " order by a.at desc";
        return LoginAttempt.getEntityManager().createQuery(query, String.class)
                .setParameter(1, value).setParameter(2, since).setMaxResults(200).getResultList()
                .stream().distinct().count();
    }

    /**
     * Keeps the attempt (client context, outcome, risk) and, when the risk engine weighed it, publishes
     * {@code risk.assessed} and emails the owner if the level says so. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Account account, String username, Client client, Verdict verdict, String outcome,
            String correlationId) {
        LoginAttempt attempt = new LoginAttempt();
        attempt.accountId = account != null ? account.id : null;
        attempt.username = account != null ? account.username : Account.canonical(username);
        attempt.at = clock.instant();
        attempt.ip = client.ip();
        attempt.userAgent = client.userAgent() != null && client.userAgent().length() > 256
                ? client.userAgent().substring(0, 256) : client.userAgent();
        attempt.deviceKey = client.deviceKey();
        attempt.outcome = outcome;
        GeoIp.Location location = verdict != null ? verdict.location() : null;
        if (location != null) {
            attempt.country = location.country();
            attempt.city = location.city();
            attempt.latitude = location.latitude();
            attempt.longitude = location.longitude();
        }
        RiskPolicy.Assessment assessment = verdict != null ? verdict.assessment() : null;
        boolean weighed = assessment != null && assessment != RiskPolicy.Assessment.NONE;
        if (weighed) {
            attempt.riskScore = assessment.score();
            attempt.riskLevel = assessment.level();
            attempt.signals = String.join(",", assessment.signals());
            attempt.action = assessment.action();
        }
        attempt.persist();
        if (weighed && account != null) {
            outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId, new RiskAssessed(account.id,
                    assessment.score(), assessment.level(), assessment.signals(), assessment.action(), client.ip(),
                    attempt.country));
            if (assessment.alertOwner()) {
                alerts.send(account, "A sign-in to your Lockstep account " + account.username + " looked risky ("
                        + String.join(", ", assessment.signals()) + ")" + (location != null ? " from " + location.city()
                        + ", " + location.country() : "") + ". What we did: " + assessment.action() + ". If this was not "
                        + "you, change your password.", correlationId);
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

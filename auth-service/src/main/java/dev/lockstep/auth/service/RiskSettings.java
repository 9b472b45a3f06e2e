package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.GeoIp;
import dev.lockstep.auth.domain.RiskPolicy;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.settings.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's risk policy as operators set it ({@code GET/PUT /v1/admin/risk}): the defaults until
 * changed, stored as one row; the compromised-password list only as SHA-256 digests.
 */
@ApplicationScoped
public class RiskSettings {

    /** A change: fields left out (null) keep their value; {@code compromisedPasswords} replaces the list. */
    public record Change(Boolean enabled, Map<String, Integer> weights, Integer mediumAt, Integer highAt,
            Map<String, String> actions, Map<String, Boolean> alertOwner, Integer impossibleTravelKmh,
            Integer stuffingAccounts, String stuffingWindow, Integer deviceAccounts, String deviceWindow,
            String simSwapWindow, List<String> compromisedPasswords, List<GeoIp.Range> geoip) {
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

    private static final RiskPolicy DEFAULTS = RiskPolicy.defaults(
            RiskPolicy.COMMON_BREACHED.stream().map(RiskSettings::sha256).toList());

    /** The stored policy's name among the runtime settings. */
    private static final String NAME = "risk";

    private final RuntimeSettings settings;

    private final AuditTrail audit;

    public RiskSettings(RuntimeSettings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /** The sandbox's risk policy now. */
    public RiskPolicy policy() {
        return settings.json(NAME, Stored.class).map(Stored::policy).orElse(DEFAULTS);
    }

    /** Changes the settings (fields left out stay); audited without the passwords of the list. */
    @Transactional
    public RiskPolicy set(Change change, String operator) {
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
                        ? change.compromisedPasswords().stream().map(RiskSettings::sha256).distinct().toList()
                        : base.compromisedPasswordSha256(),
                change.geoip() != null ? List.copyOf(change.geoip()) : base.geoip());
        String problem = next.problem();
        if (problem != null) {
            throw ProblemException.badRequest("invalid-risk-settings", problem, null);
        }
        settings.putJson(NAME, Stored.of(next));
        audit.record(operator, "risk.settings", "sandbox", "enabled=" + next.enabled() + " mediumAt=" + next.mediumAt()
                + " highAt=" + next.highAt() + " actions=" + next.actions() + " alertOwner=" + next.alertOwner()
                + " compromisedPasswords=" + next.compromisedPasswordSha256().size() + " geoipRanges=" + next.geoip().size());
        return next;
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

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

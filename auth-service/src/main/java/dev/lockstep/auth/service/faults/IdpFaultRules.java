package dev.lockstep.auth.service.faults;

import dev.lockstep.auth.domain.IdpFaultRule;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.fault.EffectSettings;
import dev.lockstep.platform.fault.FaultSchedule;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The identity provider's fault rules as operators keep them: added at the end of the list (checked:
 * each effect only where it means something), switched off and on, removed; every change audited.
 */
@ApplicationScoped
public class IdpFaultRules {

    /** The longest an endpoint may be made to wait: client libraries time out well before. */
    static final Duration LONGEST_DELAY = Duration.ofSeconds(60);

    private static final Set<String> AUTHORIZE_ERRORS = Set.of("access_denied", "temporarily_unavailable", "server_error",
            "login_required", "interaction_required", "consent_required", "account_selection_required");
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_grant", "invalid_client", "invalid_request",
            "unauthorized_client", "temporarily_unavailable", "server_error");

    private final SandboxClock clock;

    private final AuditTrail audit;

    public IdpFaultRules(SandboxClock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public IdpFaultRule add(IdpFaultRequest request, String operator) {
        IdpFaultRule rule = new IdpFaultRule();
        rule.id = UUID.randomUUID().toString();
        rule.name = request.name();
        rule.endpoint = request.match().endpoint();
        rule.clientId = request.match().clientId();
        effect(rule, request.effect());
        rule.schedule = FaultSchedule.of(request.trigger(), request.window());
        Integer last = IdpFaultRule.find("select max(r.position) from IdpFaultRule r").project(Integer.class).firstResult();
        rule.position = last != null ? last + 1 : 1;
        rule.createdAt = clock.instant();
        rule.persist();
        audit.record(operator, "idp-fault.added", "sandbox", describe(rule));
        return rule;
    }

    public List<IdpFaultRule> list() {
        return IdpFaultRule.list("order by position");
    }

    @Transactional
    public IdpFaultRule setEnabled(String id, boolean enabled, String operator) {
        IdpFaultRule rule = find(id);
        rule.enabled = enabled;
        audit.record(operator, enabled ? "idp-fault.enabled" : "idp-fault.disabled", "sandbox", describe(rule));
        return rule;
    }

    @Transactional
    public void delete(String id, String operator) {
        IdpFaultRule rule = find(id);
        rule.delete();
        audit.record(operator, "idp-fault.removed", "sandbox", describe(rule));
    }

    private static IdpFaultRule find(String id) {
        IdpFaultRule rule = id != null && id.length() <= 36 ? IdpFaultRule.findById(id) : null;
        if (rule == null) {
            throw ProblemException.notFound("fault-not-found", "No such fault rule");
        }
        return rule;
    }

    private static String describe(IdpFaultRule rule) {
        return "rule " + rule.id + ": " + rule.effect + " on " + rule.endpoint
                + (rule.name != null ? " (" + rule.name + ")" : "");
    }

    /** Checks that the effect suits the endpoint and carries only the settings its type uses, and copies them. */
    private static void effect(IdpFaultRule rule, IdpFaultRequest.Effect effect) {
        String type = effect.type();
        String endpoint = rule.endpoint;
        rule.effect = type;
        EffectSettings.allow(type, "status", effect.status(), "fail");
        EffectSettings.allow(type, "error", effect.error(), "fail", "error");
        EffectSettings.allow(type, "delay", effect.delay(), "delay");
        EffectSettings.allow(type, "delayMax", effect.delayMax(), "delay");
        switch (type) {
            case "fail" -> {
                only(type, endpoint, "token", "userinfo", "jwks", "discovery");
                rule.status = effect.status() != null ? effect.status() : 503;
                rule.error = effect.error() != null ? effect.error()
                        : rule.status == 503 ? "temporarily_unavailable" : "server_error";
            }
            case "error" -> {
                only(type, endpoint, "authorize", "token");
                Set<String> known = "authorize".equals(endpoint) ? AUTHORIZE_ERRORS : TOKEN_ERRORS;
                if (effect.error() == null || !known.contains(effect.error())) {
                    throw EffectSettings.invalid("the error effect on " + endpoint + " needs error, one of " + String.join(", ",
                            known.stream().sorted().toList()));
                }
                rule.error = effect.error();
            }
            case "delay" -> delay(rule, effect);
            case "hide-current-key" -> only(type, endpoint, "jwks");
            default -> only(type, endpoint, "backchannel-logout");
        }
    }

    private static void delay(IdpFaultRule rule, IdpFaultRequest.Effect effect) {
        if (effect.delay() == null) {
            throw EffectSettings.invalid("the delay effect needs delay, e.g. \"PT5S\"");
        }
        Duration min = EffectSettings.duration(effect.delay(), "delay", LONGEST_DELAY);
        Duration max = effect.delayMax() != null ? EffectSettings.duration(effect.delayMax(), "delayMax", LONGEST_DELAY) : null;
        if (max != null && max.compareTo(min) < 0) {
            throw EffectSettings.invalid("delayMax must not be shorter than delay");
        }
        rule.delayMinMs = min.toMillis();
        rule.delayMaxMs = max != null ? max.toMillis() : null;
    }

    private static void only(String type, String endpoint, String... endpoints) {
        if (!List.of(endpoints).contains(endpoint)) {
            throw EffectSettings.invalid("the " + type + " effect acts on " + String.join(", ", endpoints) + " only");
        }
    }
}

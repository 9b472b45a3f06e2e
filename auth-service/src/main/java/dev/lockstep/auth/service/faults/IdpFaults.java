package dev.lockstep.auth.service.faults;

import dev.lockstep.auth.domain.IdpFaultRule;
import dev.lockstep.auth.service.oidc.OAuthException;
import dev.lockstep.contracts.IdpFaultFired;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.fault.Triggers;
import dev.lockstep.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies the identity provider's fault rules to a request at one of its OpenID Connect endpoints:
 * the first enabled rule of that endpoint (and application) that fires decides, its counters kept exact
 * across instances by a row lock, and each firing is an event on the timeline. A delay is waited out
 * here; what else the rule does, the endpoint answers.
 */
@ApplicationScoped
public class IdpFaults {

    /** A rule acted: what it does, and for a delay, how long. */
    public record Fired(String ruleId, String effect, Integer status, String error, Duration delay) {

        /** The answer of an endpoint that speaks the OAuth error format, for {@code fail} and {@code error}. */
        public OAuthException asOAuthError() {
            int code = status != null ? status : "invalid_client".equals(error) ? 401 : 400;
            return new OAuthException(code, error, "Answered by an identity-provider fault rule (sandbox)");
        }
    }

    private final SandboxClock clock;

    private final Outbox outbox;

    public IdpFaults(SandboxClock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * The rule that fires for this request, after waiting out a delay. Empty when the request goes on
     * as normal (no rule fired, or a delay that has passed).
     *
     * @param clientId the application, when the endpoint knows it (null otherwise)
     */
    public Optional<Fired> at(String endpoint, String clientId) {
        Optional<Fired> fired = QuarkusTransaction.requiringNew().call(() -> decide(endpoint, clientId));
        fired.filter(f -> f.delay() != null).ifPresent(f -> wait(f.delay()));
        return fired.filter(f -> !"delay".equals(f.effect()));
    }

    /** For an endpoint whose errors are OAuth errors: a {@code fail} or {@code error} rule becomes its answer. */
    public void gate(String endpoint, String clientId) {
        at(endpoint, clientId).filter(f -> "fail".equals(f.effect()) || "error".equals(f.effect())).ifPresent(f -> {
            throw f.asOAuthError();
        });
    }

    private Optional<Fired> decide(String endpoint, String clientId) {
        List<IdpFaultRule> rules = IdpFaultRule
                .<IdpFaultRule> find("enabled = true and endpoint = ?1 order by position", endpoint)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = clock.instant();
        for (IdpFaultRule rule : rules) {
            if (!rule.schedule.open(now) || rule.clientId != null && !rule.clientId.equals(clientId)) {
                continue;
            }
            if (!rule.schedule.fire(() -> Triggers.draw(0, rule.schedule.matched, rule.position, 0, rule.endpoint))) {
                continue;
            }
            Duration delay = delay(rule);
            outbox.publish(Topic.AUTH_EVENTS, rule.id, null, new IdpFaultFired(rule.id, rule.name, endpoint, rule.effect,
                    clientId, rule.status, rule.error, delay != null ? delay.toMillis() : null));
            return Optional.of(new Fired(rule.id, rule.effect, rule.status, rule.error, delay));
        }
        return Optional.empty();
    }

    /** A fixed wait, or one drawn uniformly between the bounds (from the rule's place and its count). */
    private static Duration delay(IdpFaultRule rule) {
        if (!"delay".equals(rule.effect)) {
            return null;
        }
        if (rule.delayMaxMs == null) {
            return Duration.ofMillis(rule.delayMinMs);
        }
        double draw = Triggers.draw(0, rule.schedule.matched, rule.position, 1, rule.endpoint);
        return Duration.ofMillis(rule.delayMinMs + (long) (draw * (rule.delayMaxMs - rule.delayMinMs)));
    }

    private static void wait(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

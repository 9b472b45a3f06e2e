package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.GeoIp;
import dev.lockstep.auth.domain.LoginAttempt;
import dev.lockstep.auth.domain.RiskPolicy;
import dev.lockstep.auth.messaging.AuthMetrics;
import dev.lockstep.contracts.RiskAssessed;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Every login attempt kept with its client context, outcome and risk: what the risk engine reads back. */
@ApplicationScoped
public class LoginAttempts {

    private final SandboxClock clock;

    private final Outbox outbox;

    private final OwnerAlerts alerts;

    private final AuthMetrics metrics;

    public LoginAttempts(SandboxClock clock, Outbox outbox, OwnerAlerts alerts, AuthMetrics metrics) {
        this.clock = clock;
        this.outbox = outbox;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    /**
     * Keeps the attempt (client context, outcome, risk) and, when the risk engine weighed it, publishes
     * {@code risk.assessed} and emails the owner if the level says so. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Account account, String username, RiskEngine.Client client, RiskEngine.Verdict verdict, String outcome,
            String correlationId) {
        LoginAttempt attempt = new LoginAttempt();
        attempt.accountId = account != null ? account.id : null;
        attempt.username = account != null ? account.username : Account.canonical(username);
        attempt.at = clock.instant();
        attempt.ip = client.ip();
        attempt.userAgent = client.userAgent() != null && client.userAgent().length() > 256
                ? client.userAgent().substring(0, 256)
                : client.userAgent();
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
            attempt.action = assessment.action().wire();
        }
        attempt.persist();
        metrics.attempt(outcome);
        if (weighed && account != null) {
            outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId, new RiskAssessed(account.id,
                    assessment.score(), assessment.level(), assessment.signals(), assessment.action().wire(), client.ip(),
                    attempt.country));
            if (assessment.alertOwner()) {
                alerts.send(account, "A sign-in to your Lockstep account " + account.username + " looked risky ("
                        + String.join(", ", assessment.signals()) + ")" + (location != null ? " from " + location.city()
                                + ", " + location.country() : "")
                        + ". What we did: " + assessment.action().wire() + ". If this was not "
                        + "you, change your password.", correlationId);
            }
        }
    }

}

package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.domain.IdpFaultRule;
import dev.lockstep.auth.service.faults.IdpFaultRequest;
import dev.lockstep.platform.fault.FaultTrigger;
import dev.lockstep.platform.fault.FaultWindow;
import java.time.Duration;
import java.time.Instant;

/** An identity-provider fault rule as listed: what it matches and does, its trigger state and its counts. */
public record IdpFaultView(String id, int position, String name, IdpFaultRequest.Match match, IdpFaultRequest.Effect effect,
        FaultTrigger trigger, FaultWindow window, long matched, long hits, boolean enabled, Instant createdAt) {

    static IdpFaultView of(IdpFaultRule r) {
        return new IdpFaultView(r.id, r.position, r.name, new IdpFaultRequest.Match(r.endpoint, r.clientId),
                new IdpFaultRequest.Effect(r.effect, r.status, r.error,
                        r.delayMinMs != null ? Duration.ofMillis(r.delayMinMs).toString() : null,
                        r.delayMaxMs != null ? Duration.ofMillis(r.delayMaxMs).toString() : null),
                r.schedule.trigger(), r.schedule.window(), r.schedule.matched, r.schedule.hits, r.enabled, r.createdAt);
    }
}

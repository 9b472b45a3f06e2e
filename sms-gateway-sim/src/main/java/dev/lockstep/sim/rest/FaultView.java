package dev.lockstep.sim.rest;

import dev.lockstep.platform.fault.FaultTrigger;
import dev.lockstep.platform.fault.FaultWindow;
import dev.lockstep.sim.domain.FaultRule;
import dev.lockstep.sim.service.FaultRequest;
import java.time.Duration;
import java.time.Instant;

/** A fault rule as listed: what it matches and does, its trigger state and its hit counts. */
public record FaultView(String id, int position, String name, FaultRequest.Match match, FaultRequest.Effect effect,
        FaultTrigger trigger, FaultWindow window, long matched, long hits, boolean enabled, Instant createdAt) {

    public static FaultView of(FaultRule r) {
        return new FaultView(r.id, r.position, r.name,
                new FaultRequest.Match(isEmail(r.matchAddress) ? null : r.matchAddress,
                        isEmail(r.matchAddress) ? r.matchAddress : null, r.matchPrefix, r.matchCountry, r.matchCarrier,
                        r.matchChannel,
                        r.matchKind),
                new FaultRequest.Effect(r.effect, r.errorCode,
                        r.delayMinMs != null ? Duration.ofMillis(r.delayMinMs).toString() : null,
                        r.delayMaxMs != null ? Duration.ofMillis(r.delayMaxMs).toString() : null,
                        r.delayDistribution, r.delaySigma, r.textLength, r.perMinute),
                r.schedule.trigger(), r.schedule.window(), r.schedule.matched, r.schedule.hits, r.enabled, r.createdAt);
    }

    private static boolean isEmail(String address) {
        return address != null && address.contains("@");
    }
}

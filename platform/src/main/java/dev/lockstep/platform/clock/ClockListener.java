package dev.lockstep.platform.clock;

import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the compacted clock topic. Each instance reads it from the start under its own
 * consumer group, so a service that starts late still lands on the current setting.
 */
@ApplicationScoped
public class ClockListener {

    private static final Logger LOG = Logger.getLogger(ClockListener.class);

    private final SandboxClock clock;

    public ClockListener(SandboxClock clock) {
        this.clock = clock;
    }

    @Incoming("sandbox-clock")
    public void onClockChanged(String json) {
        try {
            CloudEvent event = Events.fromJson(json);
            if (Events.is(event, ClockChanged.class) && clock.apply(Events.body(event, ClockChanged.class))) {
                LOG.infof("sandbox clock now %s (revision %d)", clock.instant(), clock.setting().revision());
            }
        } catch (Events.MalformedEventException e) {
            LOG.warnf("ignored a malformed record on the clock topic: %s", e.getMessage());
        }
    }
}

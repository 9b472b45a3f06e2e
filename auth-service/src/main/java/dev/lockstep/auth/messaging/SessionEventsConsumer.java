package dev.lockstep.auth.messaging;

import dev.lockstep.auth.service.oidc.BackchannelLogout;
import dev.lockstep.contracts.SessionChanged;
import dev.lockstep.platform.inbox.EventHandlers;
import dev.lockstep.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads auth-service's own facts back from the broker: a session that ended (after its commit, from
 * whatever path ended it) is announced to the applications that hold its tokens. Each event once.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    private final Inbox inbox;

    private final BackchannelLogout backchannel;

    private final EventHandlers handlers;

    public SessionEventsConsumer(Inbox inbox, BackchannelLogout backchannel) {
        this.inbox = inbox;
        this.backchannel = backchannel;
        this.handlers = EventHandlers.create().on(SessionChanged.class,
                changed -> "revoked".equals(changed.change()),
                (changed, event) -> backchannel.sessionEnded(changed.accountId(), changed.sessionId(), event.correlationid()));
    }

    @Incoming("session-events")
    @Blocking
    public CompletionStage<Void> onAuthEvent(Message<String> record) {
        return inbox.deliver(record, handlers);
    }
}

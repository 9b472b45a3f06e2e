package dev.lockstep.otp.messaging;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.LoginCodeRequested;
import dev.lockstep.contracts.TotpReset;
import dev.lockstep.otp.service.CodeService;
import dev.lockstep.otp.service.FactorService;
import dev.lockstep.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reacts to auth-service's facts: a new account's phone becomes a factor; a challenge or a resend
 * request issues a code. Each event is handled once, in one transaction with its effects.
 */
@ApplicationScoped
public class AuthEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    FactorService factors;

    @Inject
    CodeService codes;

    @Incoming("auth-events")
    @Blocking
    public void onAuthEvent(String json) {
        inbox.deliver(json, this::handle);
    }

    private void handle(CloudEvent event) {
        if (Events.is(event, AccountCreated.class)) {
            AccountCreated created = Events.body(event, AccountCreated.class);
            factors.addSmsPhone(created.accountId(), created.phone(), event.correlationid());
        } else if (Events.is(event, LoginChallengeCreated.class)) {
            LoginChallengeCreated challenge = Events.body(event, LoginChallengeCreated.class);
            codes.issue(challenge.challengeId(), challenge.accountId(), challenge.factorId(), "sms", event.correlationid());
        } else if (Events.is(event, TotpReset.class)) {
            factors.removeTotp(Events.body(event, TotpReset.class).accountId(), event.correlationid());
        } else if (Events.is(event, LoginCodeRequested.class)) {
            LoginCodeRequested request = Events.body(event, LoginCodeRequested.class);
            codes.issue(request.challengeId(), request.accountId(), request.factorId(),
                    request.channel() != null ? request.channel() : "sms", event.correlationid());
        }
    }
}

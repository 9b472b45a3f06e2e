package dev.lockstep.otp.messaging;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.LoginCodeRequested;
import dev.lockstep.contracts.TotpReset;
import dev.lockstep.otp.service.CodeIssuer;
import dev.lockstep.otp.service.FactorService;
import dev.lockstep.platform.inbox.EventHandlers;
import dev.lockstep.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reacts to auth-service's facts: a new account's phone becomes a factor; a challenge or a resend
 * request issues a code. Each event is handled once, in one transaction with its effects.
 */
@ApplicationScoped
public class AuthEventsConsumer {

    private final Inbox inbox;

    private final FactorService factors;

    private final CodeIssuer codes;

    private final EventHandlers handlers;

    public AuthEventsConsumer(Inbox inbox, FactorService factors, CodeIssuer codes) {
        this.inbox = inbox;
        this.factors = factors;
        this.codes = codes;
        this.handlers = EventHandlers.create()
                .on(AccountCreated.class,
                        (created, event) -> factors.addSmsPhone(created.accountId(), created.phone(), event.correlationid()))
                .on(LoginChallengeCreated.class, (challenge, event) -> codes.issue(challenge.challengeId(),
                        challenge.accountId(), challenge.factorId(), "sms", event.correlationid()))
                .on(TotpReset.class, (reset, event) -> factors.removeTotp(reset.accountId(), event.correlationid()))
                .on(LoginCodeRequested.class, (request, event) -> codes.issue(request.challengeId(), request.accountId(),
                        request.factorId(), request.channel() != null ? request.channel() : "sms", event.correlationid()));
    }

    @Incoming("auth-events")
    @Blocking
    public CompletionStage<Void> onAuthEvent(Message<String> record) {
        return inbox.deliver(record, handlers);
    }
}

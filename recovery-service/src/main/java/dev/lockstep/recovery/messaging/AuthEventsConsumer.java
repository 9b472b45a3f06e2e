package dev.lockstep.recovery.messaging;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.inbox.EventHandlers;
import dev.lockstep.platform.inbox.Inbox;
import dev.lockstep.recovery.domain.KnownAccount;
import dev.lockstep.recovery.service.WaitingPeriodRecovery;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * auth-service's events ({@code lockstep.auth.events} and {@code lockstep.auth.sign-ins}), each applied
 * once: accounts (recovery-service's copy) and sign-ins (which cancel the waiting-period recoveries
 * opened before them; the sign-in of an account with none is not wanted, so it costs no transaction).
 */
@ApplicationScoped
public class AuthEventsConsumer {

    private final Inbox inbox;

    private final SandboxClock clock;

    private final WaitingPeriodRecovery waitingPeriod;

    private final EventHandlers handlers;

    public AuthEventsConsumer(Inbox inbox, SandboxClock clock, WaitingPeriodRecovery waitingPeriod) {
        this.inbox = inbox;
        this.clock = clock;
        this.waitingPeriod = waitingPeriod;
        this.handlers = EventHandlers.create()
                .on(LoginSucceeded.class, login -> waitingPeriod.waiting(login.accountId()),
                        (login, event) -> waitingPeriod.signedIn(login.accountId(), login.deviceId(), clock.timeOf(event),
                                event.correlationid()))
                .on(AccountCreated.class, (created, event) -> known(created));
    }

    @Incoming("auth-events")
    @Blocking
    public CompletionStage<Void> onAuthEvent(Message<String> record) {
        return inbox.deliver(record, handlers);
    }

    private void known(AccountCreated created) {
        if (KnownAccount.findById(created.accountId()) == null) {
            KnownAccount account = new KnownAccount();
            account.accountId = created.accountId();
            account.username = created.username();
            account.knownAt = clock.instant();
            account.persist();
        }
    }
}

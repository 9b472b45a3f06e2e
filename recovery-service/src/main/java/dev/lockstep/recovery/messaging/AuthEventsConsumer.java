package dev.lockstep.recovery.messaging;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.recovery.service.WaitingPeriodRecovery;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.inbox.Inbox;
import dev.lockstep.recovery.domain.KnownAccount;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * auth-service's events, each applied once: accounts (recovery-service's copy) and sign-ins (which
 * cancel waiting-period recoveries).
 */
@ApplicationScoped
public class AuthEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    SandboxClock clock;

    @Inject
    WaitingPeriodRecovery waitingPeriod;

    @Incoming("auth-events")
    @Blocking
    public void onAuthEvent(String json) {
        inbox.deliver(json, event -> {
            if (Events.is(event, LoginSucceeded.class)) {
                LoginSucceeded login = Events.body(event, LoginSucceeded.class);
                waitingPeriod.signedIn(login.accountId(), login.deviceId(), event.correlationid());
            }
            if (Events.is(event, AccountCreated.class)) {
                AccountCreated created = Events.body(event, AccountCreated.class);
                if (KnownAccount.findById(created.accountId()) == null) {
                    KnownAccount account = new KnownAccount();
                    account.accountId = created.accountId();
                    account.username = created.username();
                    account.knownAt = clock.instant();
                    account.persist();
                }
            }
        });
    }
}

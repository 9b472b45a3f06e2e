package dev.lockstep.recovery.messaging;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.Events;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.inbox.Inbox;
import dev.lockstep.recovery.domain.KnownAccount;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps recovery-service's copy of accounts, each event applied once. */
@ApplicationScoped
public class AuthEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    SandboxClock clock;

    @Incoming("auth-events")
    @Blocking
    @Transactional
    public void onAuthEvent(String json) {
        inbox.receive(json, event -> {
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

package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Emails to an account's owner (a virtual mailbox in the simulator), sent with the change they report. */
@ApplicationScoped
public class OwnerAlerts {

    private final AuthConfig config;

    private final Outbox outbox;

    public OwnerAlerts(AuthConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /** Sends {@code text} to the account's email, if it has one; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Account account, String text, String correlationId) {
        if (account.email == null) {
            return;
        }
        outbox.publish(Topic.MESSAGES_OUTBOUND, account.email, correlationId, new OutboundMessage(
                UUID.randomUUID().toString(), account.email, "email", config.notifications().sender(), text, "alert",
                account.id));
    }
}

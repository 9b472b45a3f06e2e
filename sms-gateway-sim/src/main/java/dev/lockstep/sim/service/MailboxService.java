package dev.lockstep.sim.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.tx.InsertIfAbsent;
import dev.lockstep.sim.domain.Mailbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Virtual mailboxes: made on first use, changed by operators. */
@ApplicationScoped
public class MailboxService {

    private final SandboxClock clock;

    public MailboxService(SandboxClock clock) {
        this.clock = clock;
    }

    /** The mailbox of a normalised address, created if new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Mailbox getOrCreate(String address) {
        return InsertIfAbsent.getOrCreate(() -> Mailbox.findById(address, LockModeType.PESSIMISTIC_WRITE), () -> {
            Mailbox mailbox = new Mailbox();
            mailbox.address = address;
            mailbox.createdAt = clock.instant();
            return mailbox;
        });
    }

    /** Sets whether the mailbox exists and how much it holds (left out: exists, 1000). */
    @Transactional
    public Mailbox put(String address, Boolean active, Integer inboxCapacity) {
        Mailbox mailbox = getOrCreate(address);
        mailbox.active = !Boolean.FALSE.equals(active);
        mailbox.inboxCapacity = inboxCapacity != null ? inboxCapacity : 1000;
        return mailbox;
    }
}

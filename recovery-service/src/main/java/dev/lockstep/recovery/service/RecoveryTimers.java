package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.ClockTimer;
import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.domain.RecoveryCase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What happens to cases by itself, on the sandbox clock, as the clock passes the time (also when it
 * jumped there): a wait ends and the recovery code goes to the recovery phone; an unused recovery code
 * or a verified step expires; a form's verdict is mailed; an escalation runs. A {@link ClockTimer}
 * sleeps until the earliest such time; a case's move wakes it ({@link CaseLog#record}, a
 * {@link PeriodicTasks.Due} event for {@link #TIMER}). Rounds are at least
 * {@code lockstep.recovery.timer-interval} apart.
 */
@ApplicationScoped
public class RecoveryTimers {

    private static final Logger LOG = Logger.getLogger(RecoveryTimers.class);

    static final String ACTOR = "sandbox-clock";

    /** The timer's name, for {@link PeriodicTasks.Due} events. */
    public static final String TIMER = "recovery-timers";

    /** Cases whose {@code dueAt} is when they move by themselves. */
    private static final List<CaseStatus> TIMED = List.of(CaseStatus.WAITING, CaseStatus.READY, CaseStatus.SUBMITTED,
            CaseStatus.ESCALATED);

    private final SandboxClock clock;

    private final CaseCodes codes;

    private final CaseLog log;

    private final RecoverySettings settings;

    private final IdpGateway idp;

    private final RecoveryConfig config;

    private final PeriodicTasks tasks;

    public RecoveryTimers(SandboxClock clock, CaseCodes codes, CaseLog log, RecoverySettings settings, IdpGateway idp,
            RecoveryConfig config, PeriodicTasks tasks) {
        this.tasks = tasks;
        this.clock = clock;
        this.codes = codes;
        this.log = log;
        this.settings = settings;
        this.idp = idp;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        tasks.onTheClock(TIMER, config.timerInterval(), this::earliestDue, this::round);
    }

    /** When {@code c} moves by itself (sandbox time), or null if it waits for someone. */
    static Instant timeOf(RecoveryCase c, Duration abandonedAfter) {
        if (TIMED.contains(c.status)) {
            return c.dueAt;
        }
        return RecoveryCase.UNVERIFIED.contains(c.status) && c.createdAt != null ? c.createdAt.plus(abandonedAfter) : null;
    }

    private Instant earliestDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant due = RecoveryCase.getEntityManager()
                    .createQuery("select min(c.dueAt) from RecoveryCase c where c.status in ?1", Instant.class)
                    .setParameter(1, TIMED).getSingleResult();
            Instant started = RecoveryCase.getEntityManager()
                    .createQuery("select min(c.createdAt) from RecoveryCase c where c.status in ?1", Instant.class)
                    .setParameter(1, List.copyOf(RecoveryCase.UNVERIFIED)).getSingleResult();
            Instant abandoned = started == null ? null : started.plus(config.abandonedAfter());
            return due == null || (abandoned != null && abandoned.isBefore(due)) ? abandoned : due;
        });
    }

    /** Advances every case that is due, and gives up unverified starts; returns how many it moved. */
    public int round() {
        Instant now = clock.instant();
        return advanceDue(now) + abandonUnverified(now);
    }

    private int abandonUnverified(Instant now) {
        Instant startedBefore = now.minus(config.abandonedAfter());
        List<String> stale = QuarkusTransaction.requiringNew().call(() -> RecoveryCase.<RecoveryCase> find(
                "status in ?1 and createdAt <= ?2 order by createdAt", List.copyOf(RecoveryCase.UNVERIFIED), startedBefore)
                .page(0, 50).list().stream().map(c -> c.id).toList());
        int abandoned = 0;
        for (String id : stale) {
            abandoned += QuarkusTransaction.requiringNew().call(() -> {
                RecoveryCase c = RecoveryCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (!RecoveryCase.UNVERIFIED.contains(c.status)) {
                    return 0;
                }
                c.abandoned();
                log.record(c, null, ACTOR, "not verified within " + config.abandonedAfter() + "; start again");
                return 1;
            });
        }
        return abandoned;
    }

    private int advanceDue(Instant now) {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> RecoveryCase.<RecoveryCase> find(
                "status in ?1 and dueAt <= ?2 order by dueAt", TIMED, now).page(0, 50).list().stream().map(c -> c.id).toList());
        int advanced = 0;
        for (String id : due) {
            try {
                if (advance(id, now)) {
                    advanced++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("recovery case %s: %s (tried again next round)", id, e.toString());
            }
        }
        return advanced;
    }

    private boolean advance(String caseId, Instant now) {
        RecoveryCase peek = QuarkusTransaction.requiringNew().call(() -> RecoveryCase.<RecoveryCase> findById(caseId));
        if (peek.status == CaseStatus.ESCALATED) {
            return escalation(peek, now);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = RecoveryCase.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
            if (c.dueAt == null || c.dueAt.isAfter(now)) {
                return false;
            }
            RecoverySettings.Settings s = settings.current();
            switch (c.status) {
                case WAITING -> waitOver(c, s, now);
                case READY -> {
                    Instant due = c.dueAt;
                    c.expired();
                    log.record(c, null, ACTOR, "not completed by " + due + "; start again");
                }
                case SUBMITTED -> verdict(c, s, now);
                default -> {
                    return false;
                }
            }
            return true;
        });
    }

    private void waitOver(RecoveryCase c, RecoverySettings.Settings s, Instant now) {
        String code = codes.issue(c, "recovery", 8, s.recoveryCodeTtl());
        c.waitOver(now.plus(s.recoveryCodeTtl()));
        log.sms(c, c.recoveryPhone, OwnerMessages.waitOver(c.username, code, log.link(c), c.dueAt), "recovery-code");
        log.record(c, c.dueAt, ACTOR, "recovery code sent to the recovery phone");
    }

    private void verdict(RecoveryCase c, RecoverySettings.Settings s, Instant now) {
        FormSubmission submission = FormSubmission.<FormSubmission> find(
                "caseId = ?1 and verdict is null order by submittedAt desc", c.id).firstResult();
        if (submission == null) {
            return;
        }
        boolean accepted = c.accountId != null && submission.score >= submission.threshold;
        submission.verdict = accepted ? "accepted" : "rejected";
        String tally = " (score " + submission.score + ", " + submission.threshold + " needed)";
        if (accepted) {
            String code = codes.issue(c, "recovery", 8, s.recoveryCodeTtl());
            c.formAccepted(now.plus(s.recoveryCodeTtl()));
            log.email(c, c.contactEmail, OwnerMessages.formAccepted(c.username, tally, code, log.link(c), c.dueAt),
                    "recovery-code");
            log.record(c, c.dueAt, ACTOR, "verdict: accepted" + tally);
        } else {
            c.formRejected();
            log.email(c, c.contactEmail, OwnerMessages.formRejected(c.username, tally), "alert");
            log.record(c, null, ACTOR, "verdict: rejected" + tally);
        }
    }

    /** Runs the escalation's removals (outside any transaction), then closes the case. */
    private boolean escalation(RecoveryCase c, Instant now) {
        if (c.dueAt.isAfter(now)) {
            return false;
        }
        RecoveryCalls.Removed removed = idp.escalate(c.accountId, new RecoveryCalls.Escalation(c.id, c.since,
                c.correlationId));
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = RecoveryCase.findById(c.id, LockModeType.PESSIMISTIC_WRITE);
            if (locked.status != CaseStatus.ESCALATED) {
                return false;
            }
            String summary = removed.sessions() + " sessions, " + removed.devices() + " devices and " + removed.factors()
                    + " second factors added since " + locked.since + " removed";
            locked.escalationDone();
            log.record(locked, null, ACTOR, summary);
            log.audit(locked.openedBy != null ? locked.openedBy : ACTOR, "recovery.escalation-done", locked.id, summary);
            log.email(locked, locked.ownerEmail, OwnerMessages.escalationDone(locked.username, summary), "alert");
            return true;
        });
    }
}

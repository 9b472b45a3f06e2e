package dev.lockstep.contracts;

import java.time.Instant;

/**
 * A recovery case changed state (every change is one of these, keyed by account id).
 *
 * @param path {@code waiting-period}, {@code recovery-key}, {@code trusted-phone}, {@code form} or {@code escalation}
 * @param status the case's new status, e.g. {@code VERIFYING_CONTACT}, {@code WAITING}, {@code READY},
 *        {@code SUBMITTED}, {@code REJECTED}, {@code ACCEPTED}, {@code COMPLETED}, {@code CANCELLED}
 * @param reason why, in a word or two (e.g. {@code sign-in-during-wait}, {@code owner}, {@code operator})
 * @param availableAt when the next thing happens (the wait ends, the verdict arrives), or null
 * @param at the sandbox time of the change
 */
@EventType("lockstep.recovery.case-changed.v1")
public record RecoveryCaseChanged(String caseId, String accountId, String path, String status, String reason,
        Instant availableAt, Instant at) {
}

package dev.lockstep.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A case makes only the moves its path and status allow; every other one is refused and changes nothing. */
class RecoveryCaseMovesTest {

    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

    private static RecoveryCase started(RecoveryPath path) {
        return RecoveryCase.start(path, "account-1", "hanako", "device-1", T0);
    }

    @Test
    void aWaitingPeriodCaseGoesFromTheVerifiedPhoneThroughTheWaitToReadyAndDone() {
        RecoveryCase c = started(RecoveryPath.WAITING_PERIOD);
        assertEquals(CaseStatus.VERIFYING_CONTACT, c.status);
        c.contactVerified(T0, Duration.ofDays(1), Duration.ofDays(3));
        assertEquals(CaseStatus.WAITING, c.status);
        assertEquals(T0.plus(Duration.ofDays(1)), c.statusAvailableAt);
        assertEquals(T0.plus(Duration.ofDays(3)), c.dueAt);
        c.waitOver(T0.plus(Duration.ofDays(10)));
        assertEquals(CaseStatus.READY, c.status);
        assertEquals("wait-over", c.reason);
        c.restored();
        assertEquals(CaseStatus.COMPLETED, c.status);
    }

    @Test
    void aMoveFromTheWrongStatusIsRefusedWithItsStatusAndChangesNothing() {
        RecoveryCase c = started(RecoveryPath.WAITING_PERIOD);
        ProblemException refused = assertThrows(ProblemException.class, c::restored);
        assertEquals(409, refused.status());
        assertEquals("case-not-ready", refused.slug());
        assertEquals(CaseStatus.VERIFYING_CONTACT, c.status);
        assertEquals("started", c.reason);
        assertThrows(ProblemException.class, () -> c.waitOver(T0));
        assertThrows(ProblemException.class, () -> c.formSubmitted(T0));
        assertNull(c.dueAt);
    }

    @Test
    void aFormCaseOpensTheFormAndTakesAnotherSubmissionOnlyAfterARejection() {
        RecoveryCase c = started(RecoveryPath.FORM);
        c.contactVerified(T0, Duration.ofDays(1), Duration.ofDays(3));
        assertEquals(CaseStatus.AWAITING_FORM, c.status);
        assertNull(c.dueAt);
        c.formSubmitted(T0.plus(Duration.ofHours(24)));
        assertThrows(ProblemException.class, () -> c.formSubmitted(T0));
        c.formRejected();
        assertEquals(CaseStatus.REJECTED, c.status);
        c.formSubmitted(T0.plus(Duration.ofHours(48)));
        c.formAccepted(T0.plus(Duration.ofDays(9)));
        assertEquals(CaseStatus.READY, c.status);
    }

    @Test
    void sendsAreCountedAndRefusedPastTheLimitWithoutCounting() {
        RecoveryCase c = started(RecoveryPath.WAITING_PERIOD);
        c.contactCodeResent(3);
        c.contactCodeResent(3);
        ProblemException refused = assertThrows(ProblemException.class, () -> c.contactCodeResent(3));
        assertEquals(429, refused.status());
        assertEquals("too-many-sends", refused.slug());
        assertEquals(3, c.sends);
    }

    @Test
    void aTrustedPhoneCodeIsAwaitedOnlyOnceAPhoneWasChosen() {
        RecoveryCase c = started(RecoveryPath.TRUSTED_PHONE);
        assertThrows(ProblemException.class, c::requireTrustedPhoneCode);
        c.trustedPhoneChosen("factor-1", 5);
        c.requireTrustedPhoneCode();
        c.trustedPhoneVerified(T0.plus(Duration.ofMinutes(15)));
        assertEquals(CaseStatus.READY, c.status);
        assertThrows(ProblemException.class, () -> c.trustedPhoneChosen("factor-2", 5));
        assertEquals("factor-1", c.factorId);
    }

    @Test
    void aClosedCaseCannotBeCancelledOrFailedAgain() {
        RecoveryCase c = started(RecoveryPath.ESCALATION);
        c.escalationDone();
        assertThrows(ProblemException.class, () -> c.cancel("operator"));
        assertThrows(ProblemException.class, c::tooManyWrongCodes);
        assertEquals(CaseStatus.COMPLETED, c.status);
    }
}

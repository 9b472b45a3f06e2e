package dev.lockstep.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryCase.Path;
import dev.lockstep.recovery.domain.RecoveryCase.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A case makes only the moves its path and status allow; every other one is refused and changes nothing. */
class RecoveryCaseMovesTest {

    private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

    private static RecoveryCase started(Path path) {
        return RecoveryCase.start(path, "account-1", "hanako", "device-1", T0);
    }

    @Test
    void aWaitingPeriodCaseGoesFromTheVerifiedPhoneThroughTheWaitToReadyAndDone() {
        RecoveryCase c = started(Path.WAITING_PERIOD);
        assertEquals(Status.VERIFYING_CONTACT, c.status);
        c.contactVerified(T0, Duration.ofDays(1), Duration.ofDays(3));
        assertEquals(Status.WAITING, c.status);
        assertEquals(T0.plus(Duration.ofDays(1)), c.statusAvailableAt);
        assertEquals(T0.plus(Duration.ofDays(3)), c.dueAt);
        c.waitOver(T0.plus(Duration.ofDays(10)));
        assertEquals(Status.READY, c.status);
        assertEquals("wait-over", c.reason);
        c.restored();
        assertEquals(Status.COMPLETED, c.status);
    }

    @Test
    void aMoveFromTheWrongStatusIsRefusedWithItsStatusAndChangesNothing() {
        RecoveryCase c = started(Path.WAITING_PERIOD);
        ProblemException refused = assertThrows(ProblemException.class, c::restored);
        assertEquals(409, refused.status());
        assertEquals("case-not-ready", refused.slug());
        assertEquals(Status.VERIFYING_CONTACT, c.status);
        assertEquals("started", c.reason);
        assertThrows(ProblemException.class, () -> c.waitOver(T0));
        assertThrows(ProblemException.class, () -> c.formSubmitted(T0));
        assertNull(c.dueAt);
    }

    @Test
    void aFormCaseOpensTheFormAndTakesAnotherSubmissionOnlyAfterARejection() {
        RecoveryCase c = started(Path.FORM);
        c.contactVerified(T0, Duration.ofDays(1), Duration.ofDays(3));
        assertEquals(Status.AWAITING_FORM, c.status);
        assertNull(c.dueAt);
        c.formSubmitted(T0.plus(Duration.ofHours(24)));
        assertThrows(ProblemException.class, () -> c.formSubmitted(T0));
        c.formRejected();
        assertEquals(Status.REJECTED, c.status);
        c.formSubmitted(T0.plus(Duration.ofHours(48)));
        c.formAccepted(T0.plus(Duration.ofDays(9)));
        assertEquals(Status.READY, c.status);
    }

    @Test
    void sendsAreCountedAndRefusedPastTheLimitWithoutCounting() {
        RecoveryCase c = started(Path.WAITING_PERIOD);
        c.contactCodeResent(3);
        c.contactCodeResent(3);
        ProblemException refused = assertThrows(ProblemException.class, () -> c.contactCodeResent(3));
        assertEquals(429, refused.status());
        assertEquals("too-many-sends", refused.slug());
        assertEquals(3, c.sends);
    }

    @Test
    void aTrustedPhoneCodeIsAwaitedOnlyOnceAPhoneWasChosen() {
        RecoveryCase c = started(Path.TRUSTED_PHONE);
        assertThrows(ProblemException.class, c::requireTrustedPhoneCode);
        c.trustedPhoneChosen("factor-1", 5);
        c.requireTrustedPhoneCode();
        c.trustedPhoneVerified(T0.plus(Duration.ofMinutes(15)));
        assertEquals(Status.READY, c.status);
        assertThrows(ProblemException.class, () -> c.trustedPhoneChosen("factor-2", 5));
        assertEquals("factor-1", c.factorId);
    }

    @Test
    void aClosedCaseCannotBeCancelledOrFailedAgain() {
        RecoveryCase c = started(Path.ESCALATION);
        c.escalationDone();
        assertThrows(ProblemException.class, () -> c.cancel("operator"));
        assertThrows(ProblemException.class, c::tooManyWrongCodes);
        assertEquals(Status.COMPLETED, c.status);
    }
}

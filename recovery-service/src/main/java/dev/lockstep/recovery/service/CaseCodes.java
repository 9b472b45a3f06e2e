package dev.lockstep.recovery.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.codes.SeededCodes;
import dev.lockstep.platform.secret.KeyedHash;
import dev.lockstep.platform.secret.ServiceSecrets;
import dev.lockstep.recovery.domain.CaseCode;
import dev.lockstep.recovery.domain.RecoveryCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Codes a case sends to the owner (to verify a recovery phone or contact email, to complete, to
 * cancel): random, kept only as HMAC-SHA256 under a pepper the service made for itself, compared in
 * constant time, single use, and each takes a bounded number of wrong tries.
 */
@ApplicationScoped
public class CaseCodes {

    public enum Outcome {
        VALID,
        WRONG,
        EXPIRED,
        USED,
        EXHAUSTED,
        NONE
    }

    private volatile KeyedHash hash;

    private final ServiceSecrets secrets;

    private final SeededCodes seeded;

    private final SandboxClock clock;

    public CaseCodes(ServiceSecrets secrets, SeededCodes seeded, SandboxClock clock) {
        this.secrets = secrets;
        this.seeded = seeded;
        this.clock = clock;
    }

    /**
     * A new code of {@code digits} digits for the case and purpose; any earlier one of that purpose
     * stops working. Random, or seeded (for replays) from the name, its case count, the purpose and
     * the case's sends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(RecoveryCase c, String purpose, int digits, Duration lifetime) {
        String caseId = c.id;
        String code = seeded.digits(digits, () -> c.username + "#" + RecoveryCase.count("username", c.username) + "#"
                + purpose + "#" + c.sends);
        String hash = hash(caseId, purpose, code);
        CaseCode row = CaseCode.findById(new CaseCode.Key(caseId, purpose));
        boolean fresh = row == null;
        if (fresh) {
            row = new CaseCode();
            row.key = new CaseCode.Key(caseId, purpose);
        }
        row.codeHash = hash;
        row.expiresAt = clock.instant().plus(lifetime);
        row.wrongAttempts = 0;
        row.usedAt = null;
        if (fresh) {
            row.persist();
        }
        return code;
    }

    /**
     * Checks a presented code; a wrong one spends one of {@code maxAttempts}. A right one is spent now
     * if {@code spend}, else by {@link #spend} once what it unlocks has been done.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome check(String caseId, String purpose, String presented, int maxAttempts, boolean spend) {
        CaseCode row = CaseCode.findById(new CaseCode.Key(caseId, purpose), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Outcome.NONE;
        }
        if (row.wrongAttempts >= maxAttempts) {
            return Outcome.EXHAUSTED;
        }
        boolean right = KeyedHash.same(row.codeHash, hash(caseId, purpose, presented.trim()));
        Instant now = clock.instant();
        if (!right) {
            row.wrongAttempts++;
            return row.wrongAttempts >= maxAttempts ? Outcome.EXHAUSTED : Outcome.WRONG;
        }
        if (row.usedAt != null) {
            return Outcome.USED;
        }
        if (!now.isBefore(row.expiresAt)) {
            return Outcome.EXPIRED;
        }
        if (spend) {
            row.usedAt = now;
        }
        return Outcome.VALID;
    }

    /** Spends a code that {@link #check} found right; false if it was spent meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean spend(String caseId, String purpose) {
        CaseCode row = CaseCode.findById(new CaseCode.Key(caseId, purpose), LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.usedAt != null) {
            return false;
        }
        row.usedAt = clock.instant();
        return true;
    }

    private String hash(String caseId, String purpose, String code) {
        KeyedHash keyed = hash;
        if (keyed == null) {
            keyed = new KeyedHash(secrets.getOrCreate("code-pepper"));
            hash = keyed;
        }
        return keyed.of(caseId, purpose, code);
    }
}

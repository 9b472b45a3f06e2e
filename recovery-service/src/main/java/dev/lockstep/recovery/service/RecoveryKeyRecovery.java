package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Apple's recovery key (S0): the key and a new password restore access at once. A wrong key, an
 * unknown account and an account without a key all answer the same; otp-service checks the key and
 * bounds wrong keys per account and sandbox day.
 */
@ApplicationScoped
public class RecoveryKeyRecovery {

    private final IdpGateway idp;

    private final Cases cases;

    private final CaseLog log;

    private final Completion completion;

    private final RecoveryConfig config;

    private final SandboxClock clock;

    private final RefusalFloor floor;

    public RecoveryKeyRecovery(IdpGateway idp, Cases cases, CaseLog log, Completion completion, RecoveryConfig config,
            SandboxClock clock, RefusalFloor floor) {
        this.idp = idp;
        this.cases = cases;
        this.log = log;
        this.completion = completion;
        this.config = config;
        this.clock = clock;
        this.floor = floor;
    }

    /** The key and a new password restore access at once; a refusal comes after the {@link RefusalFloor}. */
    public RecoveryCase recover(String username, String recoveryKey, String newPassword, String deviceId) {
        return floor.answer(() -> checkAndRestore(username, recoveryKey, newPassword, deviceId));
    }

    private RecoveryCase checkAndRestore(String username, String recoveryKey, String newPassword, String deviceId) {
        Optional<RecoveryCalls.AccountFacts> found = idp.account(username);
        String accountId = found.map(RecoveryCalls.AccountFacts::id).orElse(IdpGateway.NO_ACCOUNT);
        Optional<FactorView> key = idp.factors(accountId).stream().filter(f -> "recovery-key".equals(f.type())).findFirst();
        String challenge = UUID.nameUUIDFromBytes(("recovery-key:" + accountId + ":" + cases.today())
                .getBytes(StandardCharsets.UTF_8)).toString();
        // an unknown name or an account without a key asks about no factor: the same calls, the same time
        CodeCheckResult result = idp.check(challenge, accountId, recoveryKey, key.map(FactorView::id)
                .orElse(IdpGateway.NO_ACCOUNT));
        boolean valid = found.isPresent() && key.isPresent() && result.outcome() == CodeCheckResult.Outcome.VALID;
        // every try is a case, an unknown name's too: operators see them all, and both cost the same write
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase created = cases.start(RecoveryPath.RECOVERY_KEY, found.map(RecoveryCalls.AccountFacts::id)
                    .orElse(null),
                    found.map(RecoveryCalls.AccountFacts::username)
                            .orElse(username.trim().toLowerCase(Locale.ROOT)),
                    deviceId);
            created.ownerEmail = found.map(RecoveryCalls.AccountFacts::email).orElse(null);
            created.recoveryKeyChecked(valid, clock.instant().plus(config.verifiedWindow()));
            created.persist();
            log.record(created, created.dueAt, "owner", valid ? "recovery key accepted"
                    : found.isEmpty()
                            ? "no account by this name"
                            : key.isEmpty() ? "the account has no recovery key"
                                    : "recovery key refused (" + result.outcome() + "), " + result.remainingAttempts()
                                            + " tries left today");
            return created;
        });
        if (found.isEmpty() || key.isEmpty()) {
            throw invalidKey();
        }
        if (result.outcome() == CodeCheckResult.Outcome.ATTEMPTS_EXHAUSTED) {
            throw new ProblemException(429, "too-many-attempts", "Too many wrong recovery keys",
                    "No more tries on this account until the next (sandbox) day.");
        }
        if (!valid) {
            throw invalidKey();
        }
        return completion.complete(c.id, null, newPassword);
    }

    private static ProblemException invalidKey() {
        return new ProblemException(401, "invalid-recovery-key", "The account name or recovery key is not right", null);
    }
}

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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Apple's recovery key (S0): the key and a new password restore access at once. A wrong key, an
 * unknown account and an account without a key all answer the same; otp-service checks the key and
 * bounds wrong keys per account and sandbox day.
 */
@ApplicationScoped
public class RecoveryKeyRecovery {

    @Inject
    IdpGateway idp;

    @Inject
    Cases cases;

    @Inject
    CaseLog log;

    @Inject
    Completion completion;

    @Inject
    RecoveryConfig config;

    @Inject
    SandboxClock clock;

    public RecoveryCase recover(String username, String recoveryKey, String newPassword, String deviceId) {
        Optional<RecoveryCalls.AccountFacts> found = idp.account(username);
        String accountId = found.map(RecoveryCalls.AccountFacts::id).orElse(IdpGateway.NO_ACCOUNT);
        Optional<FactorView> key = idp.factors(accountId).stream().filter(f -> "recovery-key".equals(f.type())).findFirst();
        String challenge = UUID.nameUUIDFromBytes(("recovery-key:" + accountId + ":" + cases.today())
                .getBytes(StandardCharsets.UTF_8)).toString();
        // an unknown name or an account without a key asks about no factor: the same calls, the same time
        CodeCheckResult result = idp.check(challenge, accountId, recoveryKey, key.map(FactorView::id)
                .orElse(IdpGateway.NO_ACCOUNT));
        if (found.isEmpty() || key.isEmpty()) {
            throw invalidKey();
        }
        RecoveryCalls.AccountFacts account = found.get();
        boolean valid = result.outcome() == CodeCheckResult.Outcome.VALID;
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase created = cases.start(RecoveryPath.RECOVERY_KEY, account.id(), account.username(), deviceId);
            created.ownerEmail = account.email();
            created.recoveryKeyChecked(valid, clock.instant().plus(config.verifiedWindow()));
            created.persist();
            log.record(created, created.dueAt, "owner", valid ? "recovery key accepted" : "recovery key refused ("
                    + result.outcome() + "), " + result.remainingAttempts() + " tries left today");
            return created;
        });
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

package dev.lockstep.otp.service;

import dev.lockstep.contracts.RecoveryKeyChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/**
 * The recovery key, as Apple has it: optional, one per account, shown once when made and kept only
 * as a keyed hash; a new key replaces the old. It also works as a second factor at login.
 */
@ApplicationScoped
public class RecoveryKeyService {

    /** A new key, shown once. */
    public record Created(String factorId, String recoveryKey) {
    }

    private final OtpConfig config;

    private final CodeHasher hasher;

    private final SandboxClock clock;

    private final Outbox outbox;

    public RecoveryKeyService(OtpConfig config, CodeHasher hasher, SandboxClock clock, Outbox outbox) {
        this.config = config;
        this.hasher = hasher;
        this.clock = clock;
        this.outbox = outbox;
    }

    private final CodeGenerator generator = new CodeGenerator(new SecureRandom());

    @Transactional
    public Created create(String accountId) {
        Factor.requireKnownAccount(accountId);
        Factor.delete("accountId = ?1 and type = 'recovery-key'", accountId);
        OtpConfig.RecoveryKey format = config.recoveryKey();
        String key = format.prefix() + generator.next(format.alphabet(), format.length());
        Factor factor = new Factor();
        factor.id = UUID.randomUUID().toString();
        factor.accountId = accountId;
        factor.type = "recovery-key";
        factor.secretHash = hash(accountId, key);
        factor.createdAt = clock.instant();
        factor.persist();
        outbox.publish(Topic.OTP_EVENTS, accountId, null, new RecoveryKeyChanged(accountId, true));
        return new Created(factor.id, key);
    }

    @Transactional
    public void remove(String accountId) {
        if (Factor.delete("accountId = ?1 and type = 'recovery-key'", accountId) == 0) {
            throw ProblemException.notFound("recovery-key-not-found", "The account has no recovery key");
        }
        outbox.publish(Topic.OTP_EVENTS, accountId, null, new RecoveryKeyChanged(accountId, false));
    }

    public boolean enabled(String accountId) {
        return Factor.count("accountId = ?1 and type = 'recovery-key'", accountId) > 0;
    }

    /** Whether the presented key is the account's (constant-time comparison of keyed hashes). */
    public boolean matches(Factor factor, String presented) {
        return CodeHasher.same(factor.secretHash, hash(factor.accountId, presented));
    }

    /** Keys are compared without case, spaces or dashes after the prefix. */
    private String hash(String accountId, String key) {
        String canonical = key.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        String prefix = config.recoveryKey().prefix().toUpperCase(Locale.ROOT);
        if (canonical.startsWith(prefix)) {
            canonical = prefix + canonical.substring(prefix.length()).replace("-", "");
        }
        return hasher.hash("recovery-key:" + accountId, canonical);
    }
}

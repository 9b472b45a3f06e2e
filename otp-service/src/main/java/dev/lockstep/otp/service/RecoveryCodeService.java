package dev.lockstep.otp.service;

import dev.lockstep.contracts.RecoveryCodesGenerated;
import dev.lockstep.contracts.Topic;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.RecoveryCode;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recovery codes: a set of one-time codes per account, shown once when made; a new set replaces the
 * old one. Each works once as a second factor.
 */
@ApplicationScoped
public class RecoveryCodeService {

    /** A new set, shown once. */
    public record Generated(String factorId, List<String> codes) {
    }

    /** What may be shown later: how many codes are left. */
    public record Status(String factorId, long remaining, Instant generatedAt) {
    }

    public enum Match {
        /** Unused until now; now used. */
        VALID,
        /** Right, but used before. */
        USED,
        /** Not one of the account's codes. */
        WRONG
    }

    private final OtpConfig config;

    private final CodeHasher hasher;

    private final SandboxClock clock;

    private final Outbox outbox;

    public RecoveryCodeService(OtpConfig config, CodeHasher hasher, SandboxClock clock, Outbox outbox) {
        this.config = config;
        this.hasher = hasher;
        this.clock = clock;
        this.outbox = outbox;
    }

    private final CodeGenerator generator = new CodeGenerator(new SecureRandom());

    @Transactional
    public Generated generate(String accountId) {
        Factor.requireKnownAccount(accountId);
        Factor factor = Factor.<Factor> find("accountId = ?1 and type = 'recovery-code'", accountId).firstResult();
        if (factor == null) {
            factor = new Factor();
            factor.id = UUID.randomUUID().toString();
            factor.accountId = accountId;
            factor.type = "recovery-code";
            factor.createdAt = clock.instant();
            factor.persist();
        }
        RecoveryCode.delete("accountId", accountId);
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < config.recoveryCodes().count(); i++) {
            String code = generator.next(RecoveryCode.ALPHABET, 10);
            RecoveryCode stored = new RecoveryCode();
            stored.id = UUID.randomUUID().toString();
            stored.accountId = accountId;
            stored.factorId = factor.id;
            stored.codeHash = hash(accountId, code);
            stored.createdAt = now;
            stored.persist();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        outbox.publish(Topic.OTP_EVENTS, accountId, null, new RecoveryCodesGenerated(accountId, factor.id, codes.size()));
        return new Generated(factor.id, codes);
    }

    public Optional<Status> status(String accountId) {
        List<RecoveryCode> codes = RecoveryCode.ofAccount(accountId);
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Status(codes.get(0).factorId, codes.stream().filter(c -> c.usedAt == null).count(),
                codes.get(0).createdAt));
    }

    /** Whether the account has a code left. */
    public boolean anyLeft(String accountId) {
        return RecoveryCode.count("accountId = ?1 and usedAt is null", accountId) > 0;
    }

    /** Checks a presented code against every code of the account, each in constant time; a match is used up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Match use(String accountId, String presented) {
        if (!RecoveryCode.looksLikeOne(presented)) {
            return Match.WRONG;
        }
        String hash = hash(accountId, RecoveryCode.canonical(presented));
        RecoveryCode found = null;
        for (RecoveryCode code : RecoveryCode.ofAccount(accountId)) {
            if (CodeHasher.same(code.codeHash, hash)) {
                found = code;
            }
        }
        if (found == null) {
            return Match.WRONG;
        }
        if (found.usedAt != null) {
            return Match.USED;
        }
        found.usedAt = clock.instant();
        return Match.VALID;
    }

    private String hash(String accountId, String canonical) {
        return hasher.hash("recovery:" + accountId, canonical);
    }
}

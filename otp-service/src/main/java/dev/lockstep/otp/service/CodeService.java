package dev.lockstep.otp.service;

import dev.lockstep.contracts.CodeChecked;
import dev.lockstep.contracts.CodeIssued;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.CodePolicy;
import dev.lockstep.otp.domain.CodeVerdict;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.IssuedCode;
import dev.lockstep.otp.domain.OtpChallenge;
import dev.lockstep.otp.domain.Totp;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.codes.SeededCodes;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues and checks one-time SMS codes. The plaintext exists only in memory while the outbound
 * message is written; at rest there is its keyed hash.
 */
@ApplicationScoped
public class CodeService {

    private static final Logger LOG = Logger.getLogger(CodeService.class);

    private final OtpConfig config;

    private final CodeHasher hasher;

    private final Outbox outbox;

    private final SandboxClock clock;

    private final SecretBox box;

    private final CodePolicies policies;

    private final RecoveryCodeService recoveryCodes;

    private final RecoveryKeyService recoveryKeys;

    private final DailyGuessLimit guesses;

    private final SeededCodes seeded;

    public CodeService(OtpConfig config, CodeHasher hasher, Outbox outbox, SandboxClock clock, SecretBox box,
            CodePolicies policies,
            RecoveryCodeService recoveryCodes, RecoveryKeyService recoveryKeys, DailyGuessLimit guesses, SeededCodes seeded) {
        this.config = config;
        this.hasher = hasher;
        this.outbox = outbox;
        this.clock = clock;
        this.box = box;
        this.policies = policies;
        this.recoveryCodes = recoveryCodes;
        this.recoveryKeys = recoveryKeys;
        this.guesses = guesses;
        this.seeded = seeded;
    }

    /**
     * Issues a new code for a challenge to the given factor; every earlier code of the challenge stops
     * working. The code travels in an outbound message to the simulated phone network: a text
     * message, or for {@code channel} {@code voice} a call that reads it out twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(String challengeId, String accountId, String factorId, String channel, String correlationId) {
        Factor.lockAccount(accountId);
        Factor factor = Factor.findById(factorId);
        if (factor == null || !factor.accountId.equals(accountId)) {
            LOG.warnf("challenge %s names factor %s, which account %s does not have; no code sent",
                    challengeId, factorId, accountId);
            return;
        }
        OtpChallenge challenge = challengeOf(challengeId, accountId, factorId, correlationId, clock.instant());
        challenge.factorId = factorId;
        if ("totp".equals(factor.type)) {
            return; // the app shows the code; nothing is sent
        }

        String sentBy = "voice".equals(channel) ? "voice" : "sms";
        CodePolicy policy = policies.effective(accountId, sentBy);
        OtpConfig.Sms texts = config.sms();
        Instant now = clock.instant();
        List<IssuedCode> earlier = IssuedCode.ofChallenge(challengeId);
        if (policy.resendMode() == CodePolicy.ResendMode.SAME_CODE) {
            // Twilio Verify: while a code is valid, asking again sends that same code
            IssuedCode valid = earlier.stream().filter(c -> c.status == IssuedCode.Status.ACTIVE && c.sealedCode != null
                    && now.isBefore(c.expiresAt)).findFirst().orElse(null);
            if (valid != null) {
                send(factor, sentBy, new String(box.open(valid.sealedCode), StandardCharsets.US_ASCII), valid,
                        texts, correlationId, accountId, challengeId);
                return;
            }
        }
        String code;
        String hash;
        int[] draw = { 0 };
        do {
            // never re-issue a code this challenge already had: "the old code stops working" must hold;
            // seeded (for replays), a code follows from the number and how many codes it had before
            code = seeded.digits(policy.digits(), () -> factor.phone + "#" + IssuedCode.count("factorId", factorId)
                    + "#" + draw[0]);
            draw[0]++;
            hash = hasher.hash(challengeId, code);
        } while (alreadyIssued(earlier, hash));
        for (IssuedCode old : earlier) {
            if (old.status == IssuedCode.Status.ACTIVE) {
                old.status = IssuedCode.Status.SUPERSEDED;
            }
        }
        IssuedCode issued = new IssuedCode();
        issued.id = UUID.randomUUID().toString();
        issued.challengeId = challengeId;
        issued.factorId = factorId;
        issued.codeHash = hash;
        issued.status = IssuedCode.Status.ACTIVE;
        issued.issuedAt = now;
        issued.expiresAt = now.plus(policy.lifetime());
        issued.channel = sentBy;
        if (policy.resendMode() == CodePolicy.ResendMode.SAME_CODE) {
            issued.sealedCode = box.seal(code.getBytes(StandardCharsets.US_ASCII)); // to send it again
        }
        issued.persist();
        send(factor, sentBy, code, issued, texts, correlationId, accountId, challengeId);
    }

    /**
     * A code to a trusted phone for a recovery case (S0: "use a trusted number"): the case id is the
     * challenge, so sending again supersedes the earlier code and checks spend its attempts.
     */
    @Transactional
    public void issueForRecovery(String challengeId, String accountId, String factorId, String correlationId) {
        Factor factor = Factor.findById(factorId);
        if (factor == null || !factor.accountId.equals(accountId) || !"sms".equals(factor.type)) {
            throw ProblemException.notFound("factor-not-found", "No such trusted phone on this account");
        }
        issue(challengeId, accountId, factorId, "sms", correlationId);
    }

    private void send(Factor factor, String channel, String code, IssuedCode issued, OtpConfig.Sms texts,
            String correlationId, String accountId, String challengeId) {
        String messageId = UUID.randomUUID().toString();
        boolean voice = "voice".equals(channel);
        long minutesLeft = Math.max(1, (Duration.between(clock.instant(), issued.expiresAt).toSeconds() + 59) / 60);
        String text = voice
                ? String.format(config.voice().template(), spoken(code), spoken(code))
                : String.format(texts.template(), code, minutesLeft);
        outbox.publish(Topic.MESSAGES_OUTBOUND, factor.phone, correlationId, new OutboundMessage(messageId,
                factor.phone, channel, texts.sender(), text, "login-code", accountId));
        outbox.publish(Topic.OTP_EVENTS, accountId, correlationId,
                new CodeIssued(accountId, challengeId, factor.id, issued.id, messageId, code.length(), issued.expiresAt));
    }

    /** A code as a voice reads it: digit by digit, "4, 8, 2, 9, 1, 3". */
    static String spoken(String code) {
        return String.join(", ", code.split(""));
    }

    /** The challenge's row, locked; made on first use (by the first code, or a check against an app). */
    private static OtpChallenge challengeOf(String challengeId, String accountId, String factorId, String correlationId,
            Instant now) {
        OtpChallenge challenge = OtpChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null) {
            challenge = new OtpChallenge();
            challenge.challengeId = challengeId;
            challenge.accountId = accountId;
            challenge.correlationId = correlationId;
            challenge.factorId = factorId;
            challenge.createdAt = now;
            challenge.persist();
        } else if (challenge.correlationId == null) {
            challenge.correlationId = correlationId; // a check came before the challenge's event
        }
        return challenge;
    }

    private static boolean alreadyIssued(List<IssuedCode> codes, String hash) {
        return codes.stream().anyMatch(c -> CodeHasher.same(c.codeHash, hash));
    }

    /**
     * Checks a presented code against the factor it comes from (null: the challenge's current one);
     * wrong ones spend the challenge's attempts, whichever factor they were meant for.
     */
    @Transactional
    public CodeCheckResult check(String challengeId, String accountId, String code, String factorId) {
        int max = policies.ofChallenge(accountId, challengeId).maxAttempts();
        Factor.lockAccount(accountId);
        Factor factor = factorId != null ? Factor.findById(factorId) : null;
        if (factorId != null && (factor == null || !factor.accountId.equals(accountId) || !"active".equals(factor.status))) {
            return new CodeCheckResult(Outcome.UNKNOWN_FACTOR, max, null);
        }
        boolean recovery = factor != null && factor.type.startsWith("recovery-");
        if (!recovery && !code.matches("[0-9]{4,8}")) {
            throw ProblemException.badRequest("invalid-request", "A code from a phone or an app is 4 to 8 digits", null);
        }
        if (guesses.spent(accountId)) {
            return new CodeCheckResult(Outcome.ATTEMPTS_EXHAUSTED, 0, factor != null ? factor.type : "sms");
        }
        if (factor != null && "totp".equals(factor.type)) {
            return checkTotp(challengeOf(challengeId, accountId, factorId, null, clock.instant()), factor, code, max);
        }
        if (factor != null && "recovery-code".equals(factor.type)) {
            return checkRecoveryCode(challengeOf(challengeId, accountId, factorId, null, clock.instant()), code, max);
        }
        if (factor != null && "recovery-key".equals(factor.type)) {
            OtpChallenge challenge = challengeOf(challengeId, accountId, factorId, null, clock.instant());
            Outcome outcome = challenge.wrongAttempts >= max ? Outcome.ATTEMPTS_EXHAUSTED
                    : recoveryKeys.matches(factor, code) ? Outcome.VALID : Outcome.INVALID;
            if (CodeVerdict.spendsAttempt(outcome)) {
                challenge.wrongAttempts++;
            }
            return checked(challenge, outcome, max, "recovery-key");
        }
        OtpChallenge challenge = OtpChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null || !challenge.accountId.equals(accountId)) {
            return new CodeCheckResult(Outcome.NO_CODE, max, "sms");
        }
        List<IssuedCode> codes = IssuedCode.ofChallenge(challengeId);
        String presented = hasher.hash(challengeId, code);
        IssuedCode matched = null;
        for (IssuedCode candidate : codes) {
            if (CodeHasher.same(candidate.codeHash, presented)) {
                matched = candidate;
            }
        }
        Outcome outcome = CodeVerdict.decide(codes, matched, challenge.wrongAttempts, max, clock.instant());
        if (CodeVerdict.spendsAttempt(outcome)) {
            challenge.wrongAttempts++;
        }
        if (outcome == Outcome.VALID) {
            matched.status = IssuedCode.Status.USED;
        }
        return checked(challenge, outcome, max, "sms");
    }

    /** An authenticator code: right within the drift and newer than the last one used, or wrong. */
    private CodeCheckResult checkTotp(OtpChallenge challenge, Factor factor, String code, int max) {
        Outcome outcome;
        if (challenge.wrongAttempts >= max) {
            outcome = Outcome.ATTEMPTS_EXHAUSTED;
        } else {
            byte[] secret = box.open(factor.totpSecret);
            int drift = config.totp().drift();
            OptionalLong step = Totp.verify(secret, factor.totpSettings(), code, clock.instant(), drift, factor.totpLastStep);
            if (step.isPresent()) {
                factor.totpLastStep = step.getAsLong();
                outcome = Outcome.VALID;
            } else if (Totp.verify(secret, factor.totpSettings(), code, clock.instant(), drift, -1).isPresent()) {
                outcome = Outcome.USED; // right, but its window was already spent: a replay
            } else {
                outcome = Outcome.INVALID;
            }
        }
        if (CodeVerdict.spendsAttempt(outcome)) {
            challenge.wrongAttempts++;
        }
        return checked(challenge, outcome, max, "totp");
    }

    /** A recovery code: one of the account's, unused; wrong and used ones spend attempts. */
    private CodeCheckResult checkRecoveryCode(OtpChallenge challenge, String code, int max) {
        Outcome outcome;
        if (challenge.wrongAttempts >= max) {
            outcome = Outcome.ATTEMPTS_EXHAUSTED;
        } else {
            outcome = switch (recoveryCodes.use(challenge.accountId, code)) {
                case VALID -> Outcome.VALID;
                case USED -> Outcome.USED;
                case WRONG -> Outcome.INVALID;
            };
        }
        if (CodeVerdict.spendsAttempt(outcome)) {
            challenge.wrongAttempts++;
        }
        return checked(challenge, outcome, max, "recovery-code");
    }

    private CodeCheckResult checked(OtpChallenge challenge, Outcome outcome, int max, String factorType) {
        int remaining = Math.max(0, max - challenge.wrongAttempts);
        outbox.publish(Topic.OTP_EVENTS, challenge.accountId, challenge.correlationId,
                new CodeChecked(challenge.accountId, challenge.challengeId, outcome.name(), remaining));
        return new CodeCheckResult(outcome, remaining, factorType);
    }
}

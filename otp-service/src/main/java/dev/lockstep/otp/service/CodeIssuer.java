package dev.lockstep.otp.service;

import dev.lockstep.contracts.CodeIssued;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.CodePolicy;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.IssuedCode;
import dev.lockstep.otp.domain.OtpChallenge;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.codes.SeededCodes;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues one-time codes to phones, by text or by a call. The plaintext exists only in memory while the
 * outbound message is written; at rest there is its keyed hash (and, where the policy resends the same
 * code, its sealed copy).
 */
@ApplicationScoped
public class CodeIssuer {

    private static final Logger LOG = Logger.getLogger(CodeIssuer.class);

    private final OtpConfig config;

    private final CodeHasher hasher;

    private final Outbox outbox;

    private final SandboxClock clock;

    private final SecretBox box;

    private final CodePolicies policies;

    private final SeededCodes seeded;

    public CodeIssuer(OtpConfig config, CodeHasher hasher, Outbox outbox, SandboxClock clock, SecretBox box,
            CodePolicies policies, SeededCodes seeded) {
        this.config = config;
        this.hasher = hasher;
        this.outbox = outbox;
        this.clock = clock;
        this.box = box;
        this.policies = policies;
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
        OtpChallenge challenge = OtpChallenge.lockedOrNew(challengeId, accountId, factorId, correlationId, clock.instant());
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

    private static boolean alreadyIssued(List<IssuedCode> codes, String hash) {
        return codes.stream().anyMatch(c -> CodeHasher.same(c.codeHash, hash));
    }
}

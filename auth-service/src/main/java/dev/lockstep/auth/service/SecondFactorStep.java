package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginChallenge;
import dev.lockstep.contracts.LoginCodeRequested;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A login's second step: another code on request (within the code policy), and the code checked by
 * otp-service; the right one signs in. Asking otp-service happens outside database transactions.
 */
@ApplicationScoped
public class SecondFactorStep {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{4,8}");

    private final OtpGateway otp;

    private final VerifyAttempts attempts;

    private final LoginChallenges challenges;

    private final LoginRefusals refusals;

    private final FailureCounter failureCounter;

    private final SignIns signIns;

    private final Outbox outbox;

    private final SandboxClock clock;

    public SecondFactorStep(OtpGateway otp, VerifyAttempts attempts, LoginChallenges challenges, LoginRefusals refusals,
            FailureCounter failureCounter, SignIns signIns, Outbox outbox, SandboxClock clock) {
        this.otp = otp;
        this.attempts = attempts;
        this.challenges = challenges;
        this.refusals = refusals;
        this.failureCounter = failureCounter;
        this.signIns = signIns;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Asks for another code, by text or by a call ({@code channel} {@code voice}); the earlier one
     * stops working once otp-service issues the new one.
     */
    public LoginChallenge resend(String challengeId, String factorId, String channel) {
        LoginChallenge current = challenges.find(challengeId);
        String target = factorId != null ? factorId : current.factorId;
        FactorView factor = otp.factors(current.accountId).stream().filter(f -> f.id().equals(target)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-factor", "No such factor on this account",
                        "Use a factor id from the login response."));
        if (!"sms".equals(factor.type())) {
            throw ProblemException.badRequest("factor-sends-no-code", "This factor receives no code",
                    "Enter the code of the authenticator app or a recovery code, or choose a phone to send a code to.");
        }
        String by = channel != null ? channel : "sms";
        return requestCode(challengeId, target, by, otp.policy(current.accountId, by));
    }

    /** Sends within the code policy: at most {@code maxSends} codes a login, {@code resendCooldown} apart. */
    @Transactional
    LoginChallenge requestCode(String challengeId, String factorId, String channel, CodePolicyView policy) {
        LoginChallenge challenge = challenges.lock(challengeId);
        if (challenge.sends >= policy.maxSends()) {
            throw new ProblemException(429, "too-many-sends", "No more codes for this login",
                    "At most " + policy.maxSends() + " codes are sent per login; start a new login.")
                    .with("maxSends", policy.maxSends());
        }
        Instant now = clock.instant();
        Instant allowed = challenge.lastSentAt == null ? now
                : challenge.lastSentAt.plus(Duration.parse(policy.resendCooldown()));
        if (now.isBefore(allowed)) {
            long seconds = Math.max(1, (Duration.between(now, allowed).toMillis() + 999) / 1000); // never early
            throw new ProblemException(429, "resend-too-soon", "Wait before asking for another code",
                    "Another code can be sent in " + seconds + " s.")
                    .header("Retry-After", String.valueOf(seconds)).with("retryAfterSeconds", seconds);
        }
        challenge.lastSentAt = now;
        challenge.sends++;
        challenge.factorId = factorId;
        outbox.publish(Topic.AUTH_EVENTS, challenge.accountId, challenge.correlationId,
                new LoginCodeRequested(challenge.id, challenge.accountId, factorId, channel));
        return challenge;
    }

    /**
     * Checks a code with otp-service; the right one completes the login with a signed token.
     * {@code factorId}: where the code comes from; null means the challenge's current factor.
     */
    public LoginService.Success verify(String challengeId, String code, String factorId, boolean trustDevice) {
        return verify(challengeId, code, factorId, trustDevice, LoginService.Via.API);
    }

    /** The same, for the way the login came ({@link LoginService.Via}). */
    public LoginService.Success verify(String challengeId, String code, String factorId, boolean trustDevice,
            LoginService.Via via) {
        LoginChallenge challenge = challenges.find(challengeId);
        Optional<AccountLocks.Lock> lock = refusals.lockOf(Account.findById(challenge.accountId));
        if (lock.isPresent()) {
            throw refusals.locked(lock.get());
        }
        String target = factorId != null ? factorId : challenge.factorId;
        if (!DIGITS.matcher(code).matches()) {
            // only recovery codes and keys are more than digits; anything else is bad input, not a wrong code
            boolean recovery = otp.factors(challenge.accountId).stream()
                    .anyMatch(f -> f.id().equals(target) && f.type().startsWith("recovery-"));
            if (!recovery) {
                throw ProblemException.badRequest("invalid-request", "The code must be 4 to 8 digits", null);
            }
        }
        CodeCheckResult result = otp.check(challenge.id, challenge.accountId, code, target,
                attempts.idOf(challenge.id, target, code));
        if (result.outcome() == CodeCheckResult.Outcome.VALID) {
            return complete(challengeId, "sms".equals(result.factorType()) ? "sms" : "otp", trustDevice, via);
        }
        String failure = switch (result.outcome()) {
            case INVALID -> "code-invalid";
            case USED -> "code-used";
            case SUPERSEDED -> "code-superseded";
            case EXPIRED -> "code-expired";
            case ATTEMPTS_EXHAUSTED -> "code-attempts-exhausted";
            default -> null; // no code yet, an unknown factor: no attempt was made
        };
        if (failure != null) {
            refusals.recordFailure(challenge.accountId, challenge.id, challenge.correlationId, failure);
        }
        throw switch (result.outcome()) {
            case INVALID -> new ProblemException(401, "code-invalid", "The code is not right", null)
                    .with("remainingAttempts", result.remainingAttempts());
            case USED -> new ProblemException(401, "code-used", "The code was already used", null);
            case SUPERSEDED -> new ProblemException(401, "code-superseded", "A newer code was sent",
                    "Only the most recent code works.");
            case EXPIRED -> new ProblemException(410, "code-expired", "The code has expired", "Ask for a new code.");
            case ATTEMPTS_EXHAUSTED -> new ProblemException(429, "too-many-attempts", "Too many wrong codes",
                    "This login takes no more codes; start a new login.");
            case NO_CODE -> new ProblemException(409, "code-not-sent-yet", "No code has been sent yet",
                    "Wait for the message, or ask for a new code.");
            case UNKNOWN_FACTOR, VALID -> ProblemException.badRequest("unknown-factor", "No such factor on this account",
                    "Use a factor id from the login response.");
        };
    }

    /** {@code method}: the RFC 8176 method of the second factor, {@code sms} or {@code otp}. */
    @Transactional
    LoginService.Success complete(String challengeId, String method, boolean trustDevice, LoginService.Via via) {
        LoginChallenge challenge = challenges.lock(challengeId);
        refusals.refuseIfLocked(challenge.accountId);
        challenge.status = LoginChallenge.Status.COMPLETED;
        failureCounter.success(challenge.accountId);
        Account account = Account.findById(challenge.accountId);
        return signIns.signIn(account, List.of("pwd", method), challenge.deviceKey, trustDevice, challenge.id,
                challenge.correlationId, via);
    }
}

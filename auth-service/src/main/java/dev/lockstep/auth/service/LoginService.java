package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.AccountStatus;
import dev.lockstep.auth.domain.LoginChallenge;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.LoginCodeRequested;
import dev.lockstep.contracts.LoginFailed;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The login use cases: password, then a code sent to a trusted phone, then a signed token.
 * Slow or remote work (hashing, asking otp-service) happens outside database transactions.
 */
@ApplicationScoped
public class LoginService {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{4,8}");
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    AuthConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    OtpGateway otp;

    @Inject
    SessionService sessions;

    @Inject
    Outbox outbox;

    @Inject
    SandboxClock clock;

    @Inject
    DeviceService devices;

    @Inject
    LockoutPolicies lockoutPolicies;

    @Inject
    AccountLocks accountLocks;

    @Inject
    FailureCounter failureCounter;

    @Inject
    RiskEngine risk;

    /** A second factor is needed: the challenge and the factors to offer. */
    public record Challenge(LoginChallenge challenge, List<FactorView> factors) {
    }

    /** What the password step ends in: a challenge, or (second factor off) a token at once. */
    public record Result(Challenge challenge, Success success) {
    }

    /**
     * What a successful login started: the session, its methods and (JSON API) its tokens; the hosted
     * login leaves tokens to the token endpoint, so {@code tokens} is null there.
     */
    public record Success(SessionService.Tokens tokens, String sessionId, List<String> amr) {
    }

    /**
     * Which way a login came: the JSON API (tokens at once), or an application's hosted login (a
     * session tied to the browser's cookie, its correlation id, and perhaps a second factor the
     * application demands even where the account's MFA mode would skip it).
     */
    public record Via(boolean apiTokens, String browserHash, String correlationId, boolean secondFactorRequired) {

        public static final Via API = new Via(true, null, null, false);

        public static Via hostedLogin(String browserHash, String correlationId, boolean secondFactorRequired) {
            return new Via(false, browserHash, correlationId, secondFactorRequired);
        }

        String correlationIdOrNew() {
            return correlationId != null ? correlationId : UUID.randomUUID().toString();
        }
    }

    /**
     * Checks the password and opens a second-factor challenge (the code goes out asynchronously), or,
     * for an account whose second factor support turned off, signs in with the password alone. Every
     * attempt is recorded with its client context; with the risk engine on, its verdict may require a
     * second factor, block the attempt or lock the account.
     */
    public Result login(String username, String password, RiskEngine.Client client) {
        return login(username, password, client, Via.API);
    }

    /** The same, for the way the login came ({@link Via}). */
    public Result login(String username, String password, RiskEngine.Client client, Via via) {
        String deviceKey = client.deviceKey();
        Optional<Account> found = Account.findByUsername(username);
        // Every refused path does the same work (one hash, one risk assessment, one record), so that
        // timing does not tell an unknown user from a wrong password or a locked account.
        if (found.isEmpty()) {
            hasher.matchNothing(password);
            refused(null, username, client, risk.assess(null, client, password, false), "unknown-user");
            throw invalidCredentials();
        }
        Account account = found.get();
        Optional<AccountLocks.Lock> lock = accountLocks.lockOf(account);
        if (lock.isPresent()) {
            hasher.matches(password, account.passwordHash);
            refused(account, username, client, risk.assess(account, client, password, false), "locked");
            throw locked(lock.get());
        }
        if (account.passwordInvalidatedAt != null) {
            hasher.matches(password, account.passwordHash); // support invalidated it: no password works
            refused(account, username, client, risk.assess(account, client, password, false), "locked");
            throw locked(new AccountLocks.Lock(AccountStatus.PASSWORD_RESET_REQUIRED, "password-invalidated", null));
        }
        boolean right = hasher.matches(password, account.passwordHash);
        RiskEngine.Verdict verdict = risk.assess(account, client, password, right);
        if (!right) {
            passwordFailed(account, client, verdict);
            throw invalidCredentials();
        }
        String action = verdict.assessment().action();
        if ("block".equals(action)) {
            refused(account, username, client, verdict, "blocked");
            throw blocked();
        }
        if ("lock".equals(action)) {
            riskLock(account, client, verdict);
            throw locked(new AccountLocks.Lock(AccountStatus.LOCKED, "risk-" + verdict.assessment().level(), null));
        }
        boolean secondFactorRequired = "require-mfa".equals(action) || via.secondFactorRequired();
        if (!secondFactorRequired && ("off".equals(account.mfaMode)
                || "new-device".equals(account.mfaMode) && devices.trusted(account.id, deviceKey))) {
            return new Result(null, passwordOnly(account.id, client, verdict, via));
        }
        List<FactorView> factors = otp.factors(account.id);
        if (factors.isEmpty()) {
            throw new ProblemException(503, "second-factor-unavailable", "No second factor is ready yet",
                    "The account's trusted phone is still being registered; try again in a moment.")
                    .header("Retry-After", "1");
        }
        return new Result(new Challenge(openChallenge(account, factors.get(0).id(), client, verdict, via), factors), null);
    }

    /** A refused attempt, kept with its context (and its risk, if it was weighed). */
    @Transactional
    void refused(Account account, String username, RiskEngine.Client client, RiskEngine.Verdict verdict,
            String outcome) {
        risk.record(account, username, client, verdict, outcome, null);
    }

    @Transactional
    void passwordFailed(Account account, RiskEngine.Client client, RiskEngine.Verdict verdict) {
        risk.record(account, account.username, client, verdict, "wrong-password", null);
        recordFailure(account.id, null, null, "password");
    }

    @Transactional
    void riskLock(Account account, RiskEngine.Client client, RiskEngine.Verdict verdict) {
        String correlationId = UUID.randomUUID().toString();
        risk.record(account, account.username, client, verdict, "locked-by-risk", correlationId);
        accountLocks.riskLock(account.id, verdict.assessment().level(), String.join(",", verdict.assessment().signals()),
                correlationId);
    }

    @Transactional
    Success passwordOnly(String accountId, RiskEngine.Client client, RiskEngine.Verdict verdict, Via via) {
        refuseIfLocked(accountId);
        Account account = Account.findById(accountId);
        List<String> amr = List.of("pwd");
        String correlationId = via.correlationIdOrNew();
        risk.record(account, account.username, client, verdict, "password-ok", correlationId);
        Success success = startSession(account, amr, client.deviceKey(), correlationId, via);
        devices.signedIn(account.id, client.deviceKey(), false, correlationId);
        outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId,
                new LoginSucceeded(account.id, null, tokenId(success), amr, client.deviceKey()));
        return success;
    }

    private Success startSession(Account account, List<String> amr, String deviceKey, String correlationId, Via via) {
        if (via.apiTokens()) {
            SessionService.Tokens issued = sessions.start(account, amr, deviceKey, correlationId);
            return new Success(issued, issued.sessionId(), amr);
        }
        return new Success(null, sessions.open(account, amr, deviceKey, correlationId, via.browserHash()).id, amr);
    }

    private static String tokenId(Success success) {
        return success.tokens() != null ? success.tokens().access().tokenId() : null;
    }

    @Transactional
    LoginChallenge openChallenge(Account account, String factorId, RiskEngine.Client client, RiskEngine.Verdict verdict,
            Via via) {
        refuseIfLocked(account.id);
        Instant now = clock.instant();
        String deviceKey = client.deviceKey();
        LoginChallenge challenge = new LoginChallenge();
        challenge.id = UUID.randomUUID().toString();
        challenge.accountId = account.id;
        challenge.factorId = factorId;
        challenge.status = LoginChallenge.Status.PENDING;
        challenge.sends = 1;
        challenge.deviceKey = deviceKey;
        challenge.lastSentAt = now;
        challenge.correlationId = via.correlationIdOrNew();
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.challenge().ttl());
        challenge.persist();
        risk.record(account, account.username, client, verdict, "password-ok", challenge.correlationId);
        outbox.publish(Topic.AUTH_EVENTS, account.id, challenge.correlationId,
                new LoginChallengeCreated(challenge.id, account.id, factorId, challenge.expiresAt));
        return challenge;
    }

    /**
     * Asks for another code, by text or by a call ({@code channel} {@code voice}); the earlier one
     * stops working once otp-service issues the new one.
     */
    public LoginChallenge resend(String challengeId, String factorId, String channel) {
        LoginChallenge current = openChallenge(challengeId);
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
        LoginChallenge challenge = LoginChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        ensureOpen(challenge);
        if (challenge.sends >= policy.maxSends()) {
            throw new ProblemException(429, "too-many-sends", "No more codes for this login",
                    "At most " + policy.maxSends() + " codes are sent per login; start a new login.")
                    .with("maxSends", policy.maxSends());
        }
        Instant now = clock.instant();
        Instant allowed = challenge.lastSentAt == null ? now : challenge.lastSentAt.plus(Duration.parse(policy.resendCooldown()));
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
    public Success verify(String challengeId, String code, String factorId, boolean trustDevice) {
        return verify(challengeId, code, factorId, trustDevice, Via.API);
    }

    /** The same, for the way the login came ({@link Via}). */
    public Success verify(String challengeId, String code, String factorId, boolean trustDevice, Via via) {
        LoginChallenge challenge = openChallenge(challengeId);
        Optional<AccountLocks.Lock> lock = accountLocks.lockOf(Account.findById(challenge.accountId));
        if (lock.isPresent()) {
            throw locked(lock.get());
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
        CodeCheckResult result = otp.check(challenge.id, challenge.accountId, code, target);
        return switch (result.outcome()) {
            case VALID -> complete(challengeId, "sms".equals(result.factorType()) ? "sms" : "otp", trustDevice, via);
            case INVALID -> {
                recordFailure(challenge.accountId, challenge.id, challenge.correlationId, "code-invalid");
                throw new ProblemException(401, "code-invalid", "The code is not right", null)
                        .with("remainingAttempts", result.remainingAttempts());
            }
            case USED -> {
                recordFailure(challenge.accountId, challenge.id, challenge.correlationId, "code-used");
                throw new ProblemException(401, "code-used", "The code was already used", null);
            }
            case SUPERSEDED -> {
                recordFailure(challenge.accountId, challenge.id, challenge.correlationId, "code-superseded");
                throw new ProblemException(401, "code-superseded", "A newer code was sent",
                        "Only the most recent code works.");
            }
            case EXPIRED -> {
                recordFailure(challenge.accountId, challenge.id, challenge.correlationId, "code-expired");
                throw new ProblemException(410, "code-expired", "The code has expired", "Ask for a new code.");
            }
            case ATTEMPTS_EXHAUSTED -> {
                recordFailure(challenge.accountId, challenge.id, challenge.correlationId, "code-attempts-exhausted");
                throw new ProblemException(429, "too-many-attempts", "Too many wrong codes",
                        "This login takes no more codes; start a new login.");
            }
            case NO_CODE -> throw new ProblemException(409, "code-not-sent-yet", "No code has been sent yet",
                    "Wait for the message, or ask for a new code.");
            case UNKNOWN_FACTOR -> throw ProblemException.badRequest("unknown-factor", "No such factor on this account",
                    "Use a factor id from the login response.");
        };
    }

    /** {@code method}: the RFC 8176 method of the second factor, {@code sms} or {@code otp}. */
    @Transactional
    Success complete(String challengeId, String method, boolean trustDevice, Via via) {
        LoginChallenge challenge = LoginChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        ensureOpen(challenge);
        refuseIfLocked(challenge.accountId);
        challenge.status = LoginChallenge.Status.COMPLETED;
        failureCounter.success(challenge.accountId);
        Account account = Account.findById(challenge.accountId);
        List<String> amr = List.of("pwd", method);
        Success success = startSession(account, amr, challenge.deviceKey, challenge.correlationId, via);
        devices.signedIn(account.id, challenge.deviceKey, trustDevice, challenge.correlationId);
        outbox.publish(Topic.AUTH_EVENTS, account.id, challenge.correlationId,
                new LoginSucceeded(account.id, challenge.id, tokenId(success), amr, challenge.deviceKey));
        return success;
    }

    /** A failed attempt: an event, and (but for an expired code, which is no guess) a count towards a lock. */
    @Transactional
    void recordFailure(String accountId, String challengeId, String correlationId, String reason) {
        outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new LoginFailed(accountId, challengeId, reason));
        if (!"code-expired".equals(reason)) {
            failureCounter.failure(accountId, !"password".equals(reason), correlationId);
        }
    }

    /** Under the account's row lock: a lock that took effect meanwhile stops a right password too. */
    private void refuseIfLocked(String accountId) {
        if (failureCounter.lockedNow(accountId)) {
            throw locked(accountLocks.lockOf(Account.findById(accountId)).orElseThrow());
        }
    }

    /** By default a locked account answers like a wrong password (no enumeration); trainers may reveal it. */
    private ProblemException locked(AccountLocks.Lock lock) {
        if (!lockoutPolicies.settings().revealLockState()) {
            return invalidCredentials();
        }
        ProblemException locked = new ProblemException(423, "account-locked", "The account is locked",
                lock.until() != null ? "It unlocks by itself at the time given." : "An operator or a recovery unlocks it.")
                .with("reason", lock.reason()).with("status", lock.status().name());
        return lock.until() != null ? locked.with("unlockAt", lock.until().toString()) : locked;
    }

    private LoginChallenge openChallenge(String challengeId) {
        LoginChallenge challenge = challengeId != null && UUID_FORM.matcher(challengeId).matches()
                ? LoginChallenge.findById(challengeId)
                : null;
        ensureOpen(challenge);
        return challenge;
    }

    private void ensureOpen(LoginChallenge challenge) {
        if (challenge == null) {
            throw ProblemException.notFound("challenge-not-found", "No such login challenge");
        }
        if (challenge.status == LoginChallenge.Status.COMPLETED) {
            throw new ProblemException(409, "challenge-completed", "This login is already complete",
                    "Start a new login.");
        }
        if (challenge.expiredAt(clock.instant())) {
            throw new ProblemException(410, "challenge-expired", "This login has expired", "Start a new login.");
        }
    }

    /** The risk engine blocked a right password: like a wrong one by default, 403 when locks are revealed. */
    private ProblemException blocked() {
        if (!lockoutPolicies.settings().revealLockState()) {
            return invalidCredentials();
        }
        return new ProblemException(403, "sign-in-blocked", "This sign-in was blocked as risky",
                "Try again from a device and place this account has used before.");
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid username or password", null);
    }
}

package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.AccountStatus;
import dev.lockstep.auth.domain.LoginChallenge;
import dev.lockstep.auth.domain.MfaMode;
import dev.lockstep.auth.domain.RiskAction;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A login's first step: the password, weighed by the risk engine, ends in a second-factor challenge
 * ({@link SecondFactorStep} takes it from there) or, where no second factor is asked for, a session
 * at once. Hashing and asking otp-service happen outside database transactions.
 */
@ApplicationScoped
public class LoginService {

    private final PasswordHasher hasher;

    private final OtpGateway otp;

    private final DeviceService devices;

    private final AccountLocks accountLocks;

    private final LoginRefusals refusals;

    private final LoginChallenges challenges;

    private final SignIns signIns;

    private final RiskEngine risk;

    private final LoginAttempts attempts;

    public LoginService(PasswordHasher hasher, OtpGateway otp, DeviceService devices, AccountLocks accountLocks,
            LoginRefusals refusals, LoginChallenges challenges, SignIns signIns, RiskEngine risk, LoginAttempts attempts) {
        this.hasher = hasher;
        this.otp = otp;
        this.devices = devices;
        this.accountLocks = accountLocks;
        this.refusals = refusals;
        this.challenges = challenges;
        this.signIns = signIns;
        this.risk = risk;
        this.attempts = attempts;
    }

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
        // Every refused path does the same work (one hash, one risk assessment, one record, one
        // login.failed), so that timing does not tell an unknown user from a wrong password or a
        // locked account.
        if (found.isEmpty()) {
            hasher.matchNothing(password);
            refused(null, username, client, risk.assess(null, client, password, false), "unknown-user");
            throw LoginRefusals.invalidCredentials();
        }
        Account account = found.get();
        Optional<AccountLocks.Lock> lock = refusals.lockOf(account);
        if (lock.isPresent()) {
            hasher.matches(password, account.passwordHash);
            refused(account, username, client, risk.assess(account, client, password, false), "locked");
            throw refusals.locked(lock.get());
        }
        if (account.passwordInvalidatedAt != null) {
            hasher.matches(password, account.passwordHash); // support invalidated it: no password works
            refused(account, username, client, risk.assess(account, client, password, false), "locked");
            throw refusals.locked(new AccountLocks.Lock(AccountStatus.PASSWORD_RESET_REQUIRED, "password-invalidated", null));
        }
        boolean right = hasher.matches(password, account.passwordHash);
        RiskEngine.Verdict verdict = risk.assess(account, client, password, right);
        if (!right) {
            passwordFailed(account, client, verdict);
            throw LoginRefusals.invalidCredentials();
        }
        RiskAction action = verdict.assessment().action();
        if (action == RiskAction.BLOCK) {
            refused(account, username, client, verdict, "blocked");
            throw refusals.blocked();
        }
        if (action == RiskAction.LOCK) {
            riskLock(account, client, verdict);
            throw refusals.locked(new AccountLocks.Lock(AccountStatus.LOCKED, "risk-" + verdict.assessment().level(), null));
        }
        boolean secondFactorRequired = action == RiskAction.REQUIRE_MFA || via.secondFactorRequired();
        if (!secondFactorRequired && (account.mfaMode == MfaMode.OFF
                || account.mfaMode == MfaMode.NEW_DEVICE && devices.trusted(account.id, deviceKey))) {
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

    /** A refused attempt, kept with its context (and its risk, if it was weighed), and told as login.failed. */
    @Transactional
    void refused(Account account, String username, RiskEngine.Client client, RiskEngine.Verdict verdict,
            String outcome) {
        attempts.record(account, username, client, verdict, outcome, null);
        refusals.recordRefusal(account != null ? account.id : null, outcome);
    }

    @Transactional
    void passwordFailed(Account account, RiskEngine.Client client, RiskEngine.Verdict verdict) {
        attempts.record(account, account.username, client, verdict, "wrong-password", null);
        refusals.recordFailure(account.id, null, null, "password");
    }

    @Transactional
    void riskLock(Account account, RiskEngine.Client client, RiskEngine.Verdict verdict) {
        String correlationId = UUID.randomUUID().toString();
        attempts.record(account, account.username, client, verdict, "locked-by-risk", correlationId);
        accountLocks.riskLock(account.id, verdict.assessment().level(), String.join(",", verdict.assessment().signals()),
                correlationId);
    }

    @Transactional
    Success passwordOnly(String accountId, RiskEngine.Client client, RiskEngine.Verdict verdict, Via via) {
        refusals.refuseIfLocked(accountId);
        Account account = Account.findById(accountId);
        String correlationId = via.correlationIdOrNew();
        attempts.record(account, account.username, client, verdict, "password-ok", correlationId);
        return signIns.signIn(account, List.of("pwd"), client.deviceKey(), false, null, correlationId, via);
    }

    @Transactional
    LoginChallenge openChallenge(Account account, String factorId, RiskEngine.Client client, RiskEngine.Verdict verdict,
            Via via) {
        refusals.refuseIfLocked(account.id);
        LoginChallenge challenge = challenges.open(account, factorId, client.deviceKey(), via.correlationIdOrNew());
        attempts.record(account, account.username, client, verdict, "password-ok", challenge.correlationId);
        return challenge;
    }
}

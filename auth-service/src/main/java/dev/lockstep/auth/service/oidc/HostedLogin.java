package dev.lockstep.auth.service.oidc;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.lockstep.auth.domain.LoginChallenge;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.LoginService;
import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.auth.service.RiskEngine;
import dev.lockstep.auth.service.SecondFactorStep;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/**
 * The hosted login's steps, driven through the same {@link LoginService} and {@link SecondFactorStep} as the JSON login: the
 * password, then a code from a second factor, then back to the application with a code. Every
 * failure counts toward lockout exactly as there; a lock looks like a wrong password unless revealed.
 */
@ApplicationScoped
public class HostedLogin {

    private final LoginService logins;

    private final SecondFactorStep secondFactor;

    private final AuthorizationService authorizations;

    private final OtpGateway otp;

    private final TokenTimes times;

    public HostedLogin(LoginService logins, SecondFactorStep secondFactor, AuthorizationService authorizations, OtpGateway otp,
            TokenTimes times) {
        this.logins = logins;
        this.secondFactor = secondFactor;
        this.authorizations = authorizations;
        this.otp = otp;
        this.times = times;
    }

    /** What the browser sees next: a redirect back to the application, or a page. */
    public record Step(URI redirect, Page page) {

        static Step to(URI redirect) {
            return new Step(redirect, null);
        }
    }

    /**
     * A page of the hosted login. {@code view}: {@code password} or {@code code}; {@code error} and
     * {@code notice}: message keys; {@code factorId}: the factor whose code the page asks for.
     */
    public record Page(OidcAuthorization authorization, String clientName, String view, String error, String notice,
            List<FactorView> factors, String factorId, CodePolicyView policy) {

        public FactorView factor() {
            return factors.stream().filter(f -> f.id().equals(factorId)).findFirst().orElse(null);
        }
    }

    /** The sign-in the page names, if this browser started it and it still takes input; else an error page. */
    public OidcAuthorization open(String id, String browserSecret) {
        OidcAuthorization authorization = id == null || id.length() != 43 ? null : OidcAuthorization.findById(id);
        if (authorization == null || !Secrets.matches(browserSecret, authorization.browserHash)) {
            throw new HostedLoginException(400, "login-unknown");
        }
        if (!authorization.loginOpenAt(times.sandboxNow())) {
            throw new HostedLoginException(400, "login-expired");
        }
        return authorization;
    }

    public Step show(String id, String browserSecret) {
        OidcAuthorization authorization = open(id, browserSecret);
        return authorization.challengeId == null ? passwordPage(authorization, null)
                : codePage(authorization, null, null, null);
    }

    public Step password(String id, String browserSecret, String username, String password, RiskEngine.Client client) {
        OidcAuthorization authorization = open(id, browserSecret);
        if (blank(username) || blank(password) || username.length() > 256 || password.length() > 1024) {
            return passwordPage(authorization, "invalid-credentials");
        }
        LoginService.Result result;
        try {
            result = logins.login(username, password, client, via(authorization));
        } catch (ProblemException e) {
            return passwordPage(authorization, e.slug());
        }
        if (result.success() != null) {
            return finish(id, result.success());
        }
        attach(id, result.challenge().challenge().id);
        authorization.challengeId = result.challenge().challenge().id; // this request's copy, read outside the transaction
        return codePage(authorization, null, null, null);
    }

    /** {@code factorId}: the factor the code is from (null: the challenge's current one). */
    public Step code(String id, String browserSecret, String code, String factorId, boolean trustDevice) {
        OidcAuthorization authorization = open(id, browserSecret);
        if (authorization.challengeId == null) {
            return passwordPage(authorization, null);
        }
        if (blank(code) || code.length() > 40) {
            return codePage(authorization, factorId, "code-invalid", null);
        }
        try {
            return finish(id,
                    secondFactor.verify(authorization.challengeId, code.trim(), factorId, trustDevice, via(authorization)));
        } catch (ProblemException e) {
            if (List.of("too-many-attempts", "challenge-expired", "challenge-not-found", "challenge-completed")
                    .contains(e.slug())) {
                detach(id);
                authorization.challengeId = null;
                return passwordPage(authorization, e.slug());
            }
            return codePage(authorization, factorId, e.slug(), null);
        }
    }

    /** "Didn't get a code? Send another", by text or by a call. */
    public Step send(String id, String browserSecret, String factorId, String channel) {
        OidcAuthorization authorization = open(id, browserSecret);
        if (authorization.challengeId == null) {
            return passwordPage(authorization, null);
        }
        try {
            LoginChallenge challenge = secondFactor.resend(authorization.challengeId, factorId,
                    "voice".equals(channel) ? "voice" : "sms");
            return codePage(authorization, challenge.factorId, null, "voice".equals(channel) ? "call-placed" : "code-sent");
        } catch (ProblemException e) {
            return codePage(authorization, factorId, e.slug(), null);
        }
    }

    /** Another factor chosen (the app, a recovery code): the code page for it, nothing sent. */
    public Step choose(String id, String browserSecret, String factorId) {
        return codePage(open(id, browserSecret), factorId, null, null);
    }

    /** The user gave up: back to the application with {@code access_denied}. */
    public Step cancel(String id, String browserSecret) {
        OidcAuthorization authorization = open(id, browserSecret);
        return Step.to(authorizations.errorRedirect(authorization,
                OAuth2Error.ACCESS_DENIED.setDescription("The user cancelled the sign-in")));
    }

    @Transactional
    Step finish(String id, LoginService.Success success) {
        OidcAuthorization authorization = OidcAuthorization.findById(id, LockModeType.PESSIMISTIC_WRITE);
        LoginSession session = LoginSession.findById(success.sessionId());
        return Step.to(authorizations.issueCode(authorization, session, false));
    }

    @Transactional
    void attach(String id, String challengeId) {
        OidcAuthorization.<OidcAuthorization> findById(id, LockModeType.PESSIMISTIC_WRITE).challengeId = challengeId;
    }

    @Transactional
    void detach(String id) {
        OidcAuthorization.<OidcAuthorization> findById(id, LockModeType.PESSIMISTIC_WRITE).challengeId = null;
    }

    private static LoginService.Via via(OidcAuthorization authorization) {
        return LoginService.Via.hostedLogin(authorization.browserHash, authorization.correlationId,
                Acr.MFA.equals(authorization.acrRequired));
    }

    private Step passwordPage(OidcAuthorization authorization, String error) {
        return new Step(null,
                new Page(authorization, clientName(authorization), "password", error, null, List.of(), null, null));
    }

    private Step codePage(OidcAuthorization authorization, String factorId, String error, String notice) {
        LoginChallenge challenge = LoginChallenge.findById(authorization.challengeId);
        List<FactorView> factors = otp.factors(challenge.accountId);
        String current = factorId != null && factors.stream().anyMatch(f -> f.id().equals(factorId)) ? factorId
                : challenge.factorId;
        CodePolicyView policy = factors.stream().anyMatch(f -> f.id().equals(current) && "sms".equals(f.type()))
                ? otp.policy(challenge.accountId, "sms")
                : null;
        return new Step(null,
                new Page(authorization, clientName(authorization), "code", error, notice, factors, current, policy));
    }

    /** The application's name as registered (its id when it has none, or was removed meanwhile). */
    private static String clientName(OidcAuthorization authorization) {
        return OidcClient.<OidcClient> findByIdOptional(authorization.clientId).map(c -> c.name).orElse(authorization.clientId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

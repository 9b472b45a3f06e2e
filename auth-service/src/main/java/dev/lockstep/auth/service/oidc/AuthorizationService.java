package dev.lockstep.auth.service.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.ClaimRequirement;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.AccountLocks;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.auth.service.faults.IdpFaults;
import dev.lockstep.contracts.OidcAuthorizationStarted;
import dev.lockstep.contracts.OidcCodeIssued;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authorization endpoint's decisions (OpenID Connect Core 3.1.2): until the client and its exact
 * redirect URI are known, an error is shown on a page and never redirected; after that, errors go back
 * to the application. A browser whose session is recent and strong enough gets a code at once (single
 * sign-on); {@code prompt=none} never shows a page; anything else opens the hosted login.
 */
@ApplicationScoped
public class AuthorizationService {

    /** Parameters that must not appear twice (RFC 6749 3.1). */
    private static final List<String> SINGLE = List.of("response_type", "scope", "state", "nonce", "code_challenge",
            "code_challenge_method", "prompt", "max_age", "login_hint", "acr_values", "claims", "ui_locales", "response_mode");

    private final ClientRegistry clients;

    private final AuthConfig config;

    private final TokenTimes times;

    private final AccountLocks accountLocks;

    private final Outbox outbox;

    private final IdpFaults faults;

    public AuthorizationService(ClientRegistry clients, AuthConfig config, TokenTimes times, AccountLocks accountLocks,
            Outbox outbox,
            IdpFaults faults) {
        this.clients = clients;
        this.config = config;
        this.times = times;
        this.accountLocks = accountLocks;
        this.outbox = outbox;
        this.faults = faults;
    }

    /** What the endpoint does: show an error page, redirect (a code or an error), or open the hosted login. */
    public sealed interface Decision {
    }

    /** An error the browser sees on a page: the client or the redirect URI cannot be trusted. */
    public record ShowError(String error, String description) implements Decision {
    }

    public record Redirect(URI location) implements Decision {
    }

    /** The hosted login opens; {@code browserSecret} goes into the browser's cookie. */
    public record OpenLogin(OidcAuthorization authorization, String browserSecret) implements Decision {
    }

    /** {@code ssoSecret}: the browser's session cookie, or null. */
    @Transactional
    public Decision authorize(Map<String, List<String>> params, String ssoSecret, String issuer) {
        if (duplicated(params, "client_id") || duplicated(params, "redirect_uri")) {
            return new ShowError("invalid_request", "client_id and redirect_uri may appear only once");
        }
        Optional<OidcClient> found = clients.find(first(params, "client_id"));
        if (found.isEmpty()) {
            return new ShowError("invalid_client", "No application is registered with this client_id");
        }
        OidcClient client = found.get();
        String redirectUri = first(params, "redirect_uri");
        if (!client.registered(redirectUri)) {
            return new ShowError("invalid_request", "The redirect_uri is not registered for this application");
        }
        URI redirect = URI.create(redirectUri);
        Issuer iss = new Issuer(issuer);
        State state = duplicated(params, "state") || first(params, "state") == null ? null : new State(first(params, "state"));
        for (String name : SINGLE) {
            if (duplicated(params, name)) {
                return error(redirect, OAuth2Error.INVALID_REQUEST.setDescription(name + " appears more than once"), state,
                        iss);
            }
        }
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            return error(redirect, error.setDescription(e.getMessage()), state, iss);
        }
        Optional<IdpFaults.Fired> fault = faults.at("authorize", client.clientId);
        if (fault.isPresent()) {
            return error(redirect, new ErrorObject(fault.get().error(), "Refused by an identity-provider fault rule (sandbox)"),
                    state, iss);
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return error(redirect, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("Only response_type=code"), state, iss);
        }
        if (!client.allows("authorization_code")) {
            return error(redirect, OAuth2Error.UNAUTHORIZED_CLIENT, state, iss);
        }
        Optional<ErrorObject> bad = invalid(request, client);
        if (bad.isPresent()) {
            return error(redirect, bad.get(), state, iss);
        }
        String acr = requiredAcr(request, client);
        Optional<LoginSession> session = ssoSession(ssoSecret);
        Prompt prompt = request.getPrompt();
        boolean fresh = session.isPresent() && (request.getMaxAge() < 0
                || !times.sandboxNow().isAfter(session.get().createdAt.plusSeconds(request.getMaxAge())));
        boolean strong = session.isPresent() && Acr.satisfies(Arrays.asList(session.get().amr.split(",")), acr);
        if (prompt != null && prompt.contains(Prompt.Type.NONE)) {
            if (!fresh) {
                return error(redirect, OIDCError.LOGIN_REQUIRED, state, iss);
            }
            if (!strong) {
                return error(redirect, OIDCError.INTERACTION_REQUIRED.setDescription("A second factor is needed"), state, iss);
            }
        }
        OidcAuthorization authorization = newAuthorization(request, client, acr);
        authorization.issuer = issuer;
        if (fresh && strong && (prompt == null || !prompt.contains(Prompt.Type.LOGIN))) {
            authorization.browserHash = session.get().browserHash;
            authorization.persist();
            return new Redirect(issueCode(authorization, session.get(), true));
        }
        String browserSecret = Secrets.random("");
        authorization.browserHash = Secrets.sha256(browserSecret);
        authorization.persist();
        outbox.publish(Topic.AUTH_EVENTS, client.clientId, authorization.correlationId, new OidcAuthorizationStarted(
                client.clientId, authorization.scope, acr, prompt != null ? prompt.toString() : null));
        return new OpenLogin(authorization, browserSecret);
    }

    /**
     * The sign-in is complete: a single-use code for the session goes back to the application, with
     * the state and this issuer (RFC 9207). Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public URI issueCode(OidcAuthorization authorization, LoginSession session, boolean sso) {
        String code = Secrets.random("ac_");
        authorization.issueCode(session.accountId, session.id, Secrets.sha256(code),
                times.sandboxNow().plus(config.oidc().codeTtl()));
        outbox.publish(Topic.AUTH_EVENTS, session.accountId, authorization.correlationId,
                new OidcCodeIssued(session.accountId, authorization.clientId, session.id, sso));
        return new AuthorizationSuccessResponse(URI.create(authorization.redirectUri), new AuthorizationCode(code), null,
                authorization.state != null ? new State(authorization.state) : null,
                new Issuer(authorization.issuer), ResponseMode.QUERY).toURI();
    }

    /** The error redirect for a sign-in the user could not or would not finish. */
    public URI errorRedirect(OidcAuthorization authorization, ErrorObject error) {
        return error(URI.create(authorization.redirectUri), error,
                authorization.state != null ? new State(authorization.state) : null, new Issuer(authorization.issuer))
                .location();
    }

    /** The browser's session, if its cookie names an active one of an account that may sign in now. */
    private Optional<LoginSession> ssoSession(String ssoSecret) {
        if (ssoSecret == null || ssoSecret.length() > 64) {
            return Optional.empty();
        }
        return LoginSession.ofBrowser(Secrets.sha256(ssoSecret)).filter(s -> {
            Account account = Account.findById(s.accountId);
            return account != null && account.passwordInvalidatedAt == null && accountLocks.lockOf(account).isEmpty();
        });
    }

    private Optional<ErrorObject> invalid(AuthenticationRequest request, OidcClient client) {
        if (request.getCodeChallenge() == null && !client.confidential()) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("A public client must use PKCE (code_challenge)"));
        }
        if (request.getCodeChallenge() != null && !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("code_challenge_method must be S256"));
        }
        if (length(request.getState() != null ? request.getState().getValue() : null) > 512
                || length(request.getNonce() != null ? request.getNonce().getValue() : null) > 512
                || length(request.getLoginHint()) > 128 || request.getScope().toString().length() > 512) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("A parameter is too long"));
        }
        return Optional.empty();
    }

    /** {@link Acr#MFA} when the request or the client's default asks for it, else null. */
    private static String requiredAcr(AuthenticationRequest request, OidcClient client) {
        boolean asked = request.getACRValues() != null
                && request.getACRValues().stream().map(ACR::getValue).anyMatch(Acr.MFA::equals);
        ClaimsSetRequest idToken = request.getOIDCClaims() != null ? request.getOIDCClaims().getIDTokenClaimsRequest() : null;
        ClaimsSetRequest.Entry essential = idToken != null ? idToken.get("acr") : null;
        if (essential != null && essential.getClaimRequirement() == ClaimRequirement.ESSENTIAL) {
            List<String> values = essential.getValuesAsListOfStrings() != null ? essential.getValuesAsListOfStrings()
                    : essential.getValue() != null ? List.of(essential.getValue()) : List.of();
            asked |= values.contains(Acr.MFA);
        }
        boolean named = request.getACRValues() != null || essential != null;
        return asked || (!named && Acr.MFA.equals(client.defaultAcr)) ? Acr.MFA : null;
    }

    private OidcAuthorization newAuthorization(AuthenticationRequest request, OidcClient client, String acr) {
        Instant now = times.sandboxNow();
        OidcAuthorization a = new OidcAuthorization();
        a.id = Secrets.random("");
        a.clientId = client.clientId;
        a.redirectUri = request.getRedirectionURI().toString();
        a.scope = String.join(" ", UserClaims.known(request.getScope().toString()));
        a.state = request.getState() != null ? request.getState().getValue() : null;
        a.nonce = request.getNonce() != null ? request.getNonce().getValue() : null;
        a.codeChallenge = request.getCodeChallenge() != null ? request.getCodeChallenge().getValue() : null;
        a.acrRequired = acr;
        a.maxAge = request.getMaxAge() >= 0 ? request.getMaxAge() : null;
        a.loginHint = request.getLoginHint();
        a.uiLocale = request.getUILocales() != null && !request.getUILocales().isEmpty()
                ? request.getUILocales().get(0).getPrimaryLanguage()
                : null;
        a.correlationId = UUID.randomUUID().toString();
        a.createdAt = now;
        a.expiresAt = now.plus(config.oidc().loginTtl());
        return a;
    }

    private static Redirect error(URI redirect, ErrorObject error, State state, Issuer issuer) {
        return new Redirect(new AuthorizationErrorResponse(redirect, error, state, issuer, ResponseMode.QUERY).toURI());
    }

    private static boolean duplicated(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values != null && values.size() > 1;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}

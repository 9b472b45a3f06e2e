package dev.lockstep.e2e.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An application that signs its users in through Lockstep with Nimbus oauth2-oidc-sdk, as a real
 * relying party would: discovery with its issuer check, PKCE and a nonce, the code exchange, and ID
 * token validation against the JWKS. The user's browser is a JDK HTTP client with a cookie jar that
 * fills in the hosted login's forms.
 */
public final class RelyingParty {

    public static final URI CALLBACK = URI.create("http://127.0.0.1:1/callback");
    private static final Pattern FORM = Pattern.compile("action=\"(/oauth2/login/[A-Za-z0-9_-]{43})/password\"");

    public final OIDCProviderMetadata provider;
    public final ClientID clientId;
    /** The address the application and the browser use: auth-service's HTTP or HTTPS one. */
    public final String base;
    /** Trusts the sandbox's CA for HTTPS; null over plain HTTP. */
    public final SSLContext ssl;
    public final HttpClient browser;
    public final CodeVerifier verifier = new CodeVerifier();
    public final State state = new State();
    public final Nonce nonce = new Nonce();
    public String loginPath;

    private RelyingParty(OIDCProviderMetadata provider, ClientID clientId, String base, SSLContext ssl) {
        this.provider = provider;
        this.clientId = clientId;
        this.base = base;
        this.ssl = ssl;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER);
        this.browser = (ssl != null ? builder.sslContext(ssl) : builder).build();
    }

    /** A public client registered by an operator; discovery resolved by Nimbus (it checks the issuer). */
    public static RelyingParty registered() throws Exception {
        return registered(SharedSandbox.url(Service.AUTH), null);
    }

    /** The same over HTTPS, trusting the sandbox's CA and nothing else: the issuer is the HTTPS one. */
    public static RelyingParty registeredOverHttps() throws Exception {
        return registered(SharedSandbox.httpsUrl(Service.AUTH), SharedSandbox.trustingTheSandboxCa());
    }

    private static RelyingParty registered(String base, SSLContext ssl) throws Exception {
        String clientId = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("public", true, "redirectUris", List.of(CALLBACK.toString()),
                        "postLogoutRedirectUris", List.of("http://127.0.0.1:1/bye")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().path("clientId");
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(base), request -> {
            if (ssl != null) {
                request.setSSLSocketFactory(ssl.getSocketFactory());
            }
        });
        return new RelyingParty(provider, new ClientID(clientId), base, ssl);
    }

    /** Sends an OAuth request the way this application does (trusting the sandbox's CA over HTTPS). */
    public HTTPResponse send(HTTPRequest request) throws IOException {
        if (ssl != null) {
            request.setSSLSocketFactory(ssl.getSocketFactory());
        }
        return request.send();
    }

    public URI authorizationRequest(String... extra) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "phone", "offline_access"), clientId, CALLBACK)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        URI uri = request.build().toURI();
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < extra.length; i += 2) {
            more.append('&').append(extra[i]).append('=').append(URLEncoder.encode(extra[i + 1], StandardCharsets.UTF_8));
        }
        return URI.create(uri + more.toString());
    }

    /** Opens the hosted login: the authorization request, then the redirect to the login page. */
    public HttpResponse<String> open(String... extra) throws IOException, InterruptedException {
        HttpResponse<String> start = authorize(extra);
        assertEquals(303, start.statusCode(), start.body());
        HttpResponse<String> page = get(URI.create(base).resolve(start.headers().firstValue("Location").orElseThrow()));
        Matcher form = FORM.matcher(page.body());
        assertTrue(form.find(), page.body());
        loginPath = form.group(1);
        return page;
    }

    /** The authorization request as the browser sends it: a redirect to the login page, or back to the app. */
    public HttpResponse<String> authorize(String... extra) throws IOException, InterruptedException {
        return get(authorizationRequest(extra));
    }

    /** Posts a form of the hosted login ({@code step}: password, code, send, choose, cancel). */
    public HttpResponse<String> post(String step, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(base + loginPath + "/" + step))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The redirect back to the application, parsed by Nimbus; the state must be ours. */
    public AuthorizationCode code(HttpResponse<String> redirect) throws Exception {
        assertEquals(3, redirect.statusCode() / 100, redirect.body());
        AuthorizationResponse response = AuthorizationResponse
                .parse(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        assertEquals(state, response.getState());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    public OIDCTokenResponse exchange(AuthorizationCode code) throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(send(new TokenRequest(provider.getTokenEndpointURI(), clientId,
                new AuthorizationCodeGrant(code, CALLBACK, verifier)).toHTTPRequest()));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    /** Nimbus's own validation: signature by the JWKS, issuer, audience, expiry with its default skew, nonce. */
    public IDTokenClaimsSet validate(JWT idToken, Nonce expected) throws Exception {
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL(), new DefaultResourceRetriever(2000, 2000, 51200, true,
                        ssl != null ? ssl.getSocketFactory() : null));
        return validator.validate(idToken, expected);
    }
}

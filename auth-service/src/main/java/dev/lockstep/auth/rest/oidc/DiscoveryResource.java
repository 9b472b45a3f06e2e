package dev.lockstep.auth.rest.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.lockstep.auth.service.faults.IdpFaults;
import dev.lockstep.auth.service.oidc.Acr;
import dev.lockstep.auth.service.oidc.Issuers;
import dev.lockstep.auth.service.oidc.UserClaims;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenID Connect Discovery 1.0: what a client library reads first. {@code issuer} is exactly the
 * {@code iss} of every token (no trailing slash): the HTTP or the HTTPS issuer, whichever address
 * was asked; the document is built by Nimbus.
 */
@Path("/.well-known/openid-configuration")
@Tag(name = "OpenID Connect")
public class DiscoveryResource {

    private final Issuers issuers;

    private final IdpFaults faults;

    public DiscoveryResource(Issuers issuers, IdpFaults faults) {
        this.issuers = issuers;
        this.faults = faults;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID Provider metadata")
    public String metadata(@Context UriInfo uri) throws LangTagException {
        faults.gate("discovery", null);
        String issuer = issuers.of(uri.getRequestUri());
        OIDCProviderMetadata m = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PUBLIC),
                URI.create(issuer + "/.well-known/jwks.json"));
        m.setAuthorizationEndpointURI(URI.create(issuer + "/oauth2/authorize"));
        m.setTokenEndpointURI(URI.create(issuer + "/oauth2/token"));
        m.setUserInfoEndpointURI(URI.create(issuer + "/oauth2/userinfo"));
        m.setEndSessionEndpointURI(URI.create(issuer + "/oauth2/logout"));
        m.setRevocationEndpointURI(URI.create(issuer + "/oauth2/revoke"));
        m.setIntrospectionEndpointURI(URI.create(issuer + "/oauth2/introspect"));
        m.setResponseTypes(List.of(ResponseType.CODE));
        m.setResponseModes(List.of(ResponseMode.QUERY));
        m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS));
        m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        List<ClientAuthenticationMethod> auth = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
        m.setTokenEndpointAuthMethods(auth);
        m.setRevocationEndpointAuthMethods(auth);
        m.setIntrospectionEndpointAuthMethods(auth.subList(0, 2));
        m.setScopes(new Scope(UserClaims.SCOPES.toArray(String[]::new)));
        m.setClaims(UserClaims.CLAIMS);
        m.setACRs(Acr.SUPPORTED.stream().map(ACR::new).toList());
        m.setSupportsClaimsParams(true);
        m.setUILocales(List.of(LangTag.parse("en"), LangTag.parse("ja")));
        m.setSupportsAuthorizationResponseIssuerParam(true);
        m.setSupportsBackChannelLogout(true);
        m.setSupportsBackChannelLogoutSession(true);
        return m.toJSONObject().toJSONString();
    }
}

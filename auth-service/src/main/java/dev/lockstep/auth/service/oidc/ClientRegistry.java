package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applications are data: operators register them (admin API, scenario files), each with exact
 * redirect URIs. A confidential client's secret is shown once and kept as its SHA-256; presented
 * secrets are compared in constant time.
 */
@ApplicationScoped
public class ClientRegistry {

    public static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private final SandboxClock clock;

    private final AuditTrail audit;

    public ClientRegistry(SandboxClock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** What an operator registers; null lists are empty, null grant types mean code and refresh. */
    public record Registration(String clientId, String name, boolean publicClient, List<String> redirectUris,
            List<String> postLogoutRedirectUris, String backchannelLogoutUri, List<String> grantTypes, String defaultAcr) {
    }

    /**
     * The registered client and, for a confidential one that was just made or whose secret was just
     * rotated, its secret in plain text (shown this once); {@code created}: a new client.
     */
    public record Registered(OidcClient client, String secret, boolean created) {
    }

    /**
     * Registers a client. A registration of an id that exists with the same settings answers that
     * client as it is (idempotent: an example script may run twice), with a new secret only when
     * {@code rotateSecret} asks for one; other settings are a conflict that changes nothing.
     */
    @Transactional
    public Registered register(Registration request, boolean rotateSecret, String operator) {
        String clientId = request.clientId() != null ? request.clientId()
                : "client-" + UUID.randomUUID().toString().substring(0, 8);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw invalid("clientId", "1 to 64 letters, digits or . _ ~ -");
        }
        List<String> grants = request.grantTypes() != null ? request.grantTypes()
                : List.of("authorization_code", "refresh_token");
        if (grants.isEmpty() || !GRANT_TYPES.containsAll(grants)) {
            throw invalid("grantTypes", "some of " + GRANT_TYPES);
        }
        if (request.publicClient() && grants.contains("client_credentials")) {
            throw invalid("grantTypes", "a public client has no secret, so no client_credentials grant");
        }
        List<String> redirects = uris("redirectUris", request.redirectUris());
        if (grants.contains("authorization_code") && redirects.isEmpty()) {
            throw invalid("redirectUris", "the authorization_code grant needs at least one redirect URI");
        }
        List<String> postLogout = uris("postLogoutRedirectUris", request.postLogoutRedirectUris());
        if (request.backchannelLogoutUri() != null) {
            uris("backchannelLogoutUri", List.of(request.backchannelLogoutUri()));
        }
        if (request.defaultAcr() != null && !Acr.SUPPORTED.contains(request.defaultAcr())) {
            throw invalid("defaultAcr", "one of " + Acr.SUPPORTED);
        }
        OidcClient existing = OidcClient.findById(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return again(existing, request, redirects, postLogout, grants, rotateSecret, operator);
        }
        OidcClient client = new OidcClient();
        client.clientId = clientId;
        client.name = request.name() != null ? request.name() : clientId;
        String secret = request.publicClient() ? null : Secrets.random("cs_");
        client.secretHash = secret != null ? Secrets.sha256(secret) : null;
        client.redirectUris = String.join("\n", redirects);
        client.postLogoutRedirectUris = String.join("\n", postLogout);
        client.backchannelLogoutUri = request.backchannelLogoutUri();
        client.grantTypes = String.join(" ", grants);
        client.defaultAcr = request.defaultAcr();
        client.createdAt = clock.instant();
        client.persist();
        audit.record(operator, "client.register", "sandbox", "client " + clientId);
        return new Registered(client, secret, true);
    }

    private Registered again(OidcClient client, Registration request, List<String> redirects, List<String> postLogout,
            List<String> grants, boolean rotateSecret, String operator) {
        List<String> differ = new ArrayList<>();
        if (!(request.name() != null ? request.name() : client.clientId).equals(client.name)) {
            differ.add("name");
        }
        if (request.publicClient() == client.confidential()) {
            differ.add("public");
        }
        if (!redirects.equals(client.redirectUriList())) {
            differ.add("redirectUris");
        }
        if (!postLogout.equals(client.postLogoutRedirectUriList())) {
            differ.add("postLogoutRedirectUris");
        }
        if (!Objects.equals(request.backchannelLogoutUri(), client.backchannelLogoutUri)) {
            differ.add("backchannelLogoutUri");
        }
        if (!grants.equals(client.grantTypeList())) {
            differ.add("grantTypes");
        }
        if (!Objects.equals(request.defaultAcr(), client.defaultAcr)) {
            differ.add("defaultAcr");
        }
        if (!differ.isEmpty()) {
            throw new ProblemException(409, "client-exists", "A client with this id is registered with other settings",
                    "These differ: " + String.join(", ", differ)
                            + ". Delete the client first, or register it with its current settings.")
                    .with("differs", differ);
        }
        if (!rotateSecret || !client.confidential()) {
            return new Registered(client, null, false);
        }
        String secret = Secrets.random("cs_");
        client.secretHash = Secrets.sha256(secret);
        audit.record(operator, "client.rotate-secret", "sandbox", "client " + client.clientId);
        return new Registered(client, secret, false);
    }

    @Transactional
    public void delete(String clientId, String operator) {
        if (find(clientId).isEmpty()) {
            throw ProblemException.notFound("client-not-found", "No such client");
        }
        OidcClient.deleteById(clientId);
        audit.record(operator, "client.delete", "sandbox", "client " + clientId);
    }

    public Optional<OidcClient> find(String clientId) {
        return clientId == null || !CLIENT_ID.matcher(clientId).matches() ? Optional.empty()
                : OidcClient.findByIdOptional(clientId);
    }

    public List<OidcClient> list() {
        return OidcClient.list("order by clientId");
    }

    /**
     * The client that authenticated: a confidential one by its secret (Basic or form), a public one by
     * its id alone. Anything else is {@code invalid_client}, the same for an unknown id and a wrong secret.
     */
    public OidcClient authenticate(String clientId, String secret) {
        Optional<OidcClient> found = find(clientId);
        boolean right = found.isPresent()
                && (found.get().confidential() ? Secrets.matches(secret, found.get().secretHash) : secret == null);
        if (!right) {
            throw OAuthException.invalidClient();
        }
        return found.get();
    }

    private static List<String> uris(String field, List<String> uris) {
        if (uris == null) {
            return List.of();
        }
        if (uris.size() > 20) {
            throw invalid(field, "at most 20 URIs");
        }
        for (String uri : uris) {
            if (uri == null || uri.length() > 1000 || uri.contains("\n")) {
                throw invalid(field, "absolute URIs of at most 1000 characters");
            }
            try {
                URI parsed = new URI(uri);
                if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
                    throw invalid(field, "absolute URIs without a fragment: " + uri);
                }
            } catch (URISyntaxException e) {
                throw invalid(field, "not a URI: " + uri);
            }
        }
        return uris;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("invalid-request", "The client registration is not valid", field + ": " + message)
                .with("field", field);
    }
}

package dev.lockstep.contracts;

/**
 * The token endpoint handed out tokens. {@code grantType}: {@code authorization_code},
 * {@code refresh_token} or {@code client_credentials} (then {@code accountId} and
 * {@code sessionId} are null and the key is the client id). {@code tokenId}: the access token's jti.
 */
@EventType("lockstep.oidc.token-issued.v1")
public record OidcTokenIssued(String accountId, String clientId, String grantType, String sessionId, String tokenId) {
}

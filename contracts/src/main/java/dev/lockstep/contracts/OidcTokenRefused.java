package dev.lockstep.contracts;

/**
 * The token endpoint refused a grant that points at a sign-in, e.g. a code used twice
 * ({@code code-reused}: the tokens it gave are revoked) or a refresh token presented again.
 */
@EventType("lockstep.oidc.token-refused.v1")
public record OidcTokenRefused(String accountId, String clientId, String grantType, String reason) {
}

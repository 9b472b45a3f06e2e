package dev.lockstep.contracts;

/**
 * An application sent a user to the authorization endpoint and the hosted login opened. Key: the
 * client id (no account is known yet); the correlation id follows the sign-in to its tokens.
 * {@code acrRequested}: the level the application asked for ({@code null}: the client's default).
 */
@EventType("lockstep.oidc.authorization-started.v1")
public record OidcAuthorizationStarted(String clientId, String scope, String acrRequested, String prompt) {
}

package dev.lockstep.contracts;

/**
 * A session ended and Lockstep POSTed a signed logout token to an application's back-channel logout
 * URI (OpenID Connect Back-Channel Logout 1.0). {@code outcome}: {@code delivered} (2xx),
 * {@code failed}, or {@code dropped} by an identity-provider fault rule (never sent); {@code httpStatus}: the application's
 * answer (null when it could not be reached).
 */
@EventType("lockstep.oidc.backchannel-logout.v1")
public record OidcBackchannelLogout(String accountId, String clientId, String sessionId, String outcome, Integer httpStatus) {
}

package dev.lockstep.contracts;

/**
 * An application ended its user's session at the end-session endpoint (RP-initiated logout), or a
 * token was revoked ({@code how}: {@code end-session}, {@code revocation}).
 */
@EventType("lockstep.oidc.logged-out.v1")
public record OidcLoggedOut(String accountId, String clientId, String sessionId, String how) {
}

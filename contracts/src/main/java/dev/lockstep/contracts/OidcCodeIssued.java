package dev.lockstep.contracts;

/**
 * The user signed in (or had a session already) and an authorization code went back to the
 * application's redirect URI. {@code sso}: no login page was shown, an existing session answered.
 */
@EventType("lockstep.oidc.code-issued.v1")
public record OidcCodeIssued(String accountId, String clientId, String sessionId, boolean sso) {
}

package dev.lockstep.auth.service.oidc;

/**
 * An OAuth 2.0 error (RFC 6749 section 5.2, RFC 6750, RFC 7009, RFC 7662): the OAuth endpoints answer
 * with {@code {"error","error_description"}} instead of a problem body, as client libraries expect.
 */
public class OAuthException extends RuntimeException {

    private final int status;
    private final String error;
    private final String description;

    public OAuthException(int status, String error, String description) {
        super(error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException invalidClient() {
        return new OAuthException(401, "invalid_client", "Client authentication failed");
    }

    public static OAuthException invalidToken(String description) {
        return new OAuthException(401, "invalid_token", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }
}

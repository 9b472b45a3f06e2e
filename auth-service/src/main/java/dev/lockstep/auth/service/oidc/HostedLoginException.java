package dev.lockstep.auth.service.oidc;

/**
 * The hosted login cannot go on (an unknown or expired sign-in, a page from another browser): the
 * browser gets an error page, never a redirect. {@code reason} is a message key of the pages.
 */
public class HostedLoginException extends RuntimeException {

    private final int status;
    private final String reason;

    public HostedLoginException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}

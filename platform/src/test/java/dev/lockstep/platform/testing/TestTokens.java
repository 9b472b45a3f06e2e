package dev.lockstep.platform.testing;

/** The admin and internal tokens every service has in its {@code test} profile, as Authorization headers. */
public final class TestTokens {

    public static final String ADMIN = "Bearer test-admin-token";
    public static final String INTERNAL = "Bearer test-internal-token";

    private TestTokens() {
    }
}

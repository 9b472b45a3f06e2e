package dev.lockstep.platform.security;

import dev.lockstep.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks a presented bearer token against the configured one in constant time. */
public final class BearerTokens {

    private BearerTokens() {
    }

    /** Throws a 401 problem unless {@code authorization} is {@code Bearer <expected>}. */
    public static void demand(String authorization, String expected, String realm) {
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : "";
        // Hash both sides so the comparison takes the same time whatever the lengths are.
        if (expected == null || expected.isEmpty() || !MessageDigest.isEqual(sha256(presented), sha256(expected))) {
            throw new ProblemException(401, "unauthorized", "Missing or wrong credentials",
                    "This endpoint needs the " + realm + " bearer token.")
                    .header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.lockstep.auth.service.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Authentication context classes: what a sign-in proved. {@code pwd}: the password alone;
 * {@code mfa}: the password and a second factor. An application asks for {@link #MFA} (in
 * {@code acr_values}, an essential {@code acr} claim or the client's default) to demand a second
 * factor even where the account's MFA mode would skip it.
 */
public final class Acr {

    public static final String PASSWORD = "urn:lockstep:acr:pwd";
    public static final String MFA = "urn:lockstep:acr:mfa";
    public static final List<String> SUPPORTED = List.of(PASSWORD, MFA);

    private Acr() {
    }

    /** The class a session's methods ({@code pwd}, {@code sms}, {@code otp}) reach. */
    public static String of(Collection<String> amr) {
        return amr.size() > 1 ? MFA : PASSWORD;
    }

    /** Whether the session's methods satisfy a required class ({@code null}: anything does). */
    public static boolean satisfies(Collection<String> amr, String required) {
        return !MFA.equals(required) || amr.size() > 1;
    }

    /** RFC 8176 methods for a token: the session's, and {@code mfa} when there are two factors. */
    public static List<String> amrClaim(Collection<String> amr) {
        List<String> claim = new ArrayList<>(amr);
        if (amr.size() > 1) {
            claim.add("mfa");
        }
        return claim;
    }
}

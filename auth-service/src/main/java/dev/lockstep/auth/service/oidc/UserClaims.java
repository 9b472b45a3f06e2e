package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.domain.Account;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The standard claims each scope releases (OpenID Connect Core 5.4), from the account. */
public final class UserClaims {

    /** The scopes the provider knows; others in a request are ignored. */
    public static final List<String> SCOPES = List.of("openid", "profile", "email", "phone", "offline_access");
    public static final List<String> CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr",
            "amr", "sid", "at_hash", "preferred_username", "name", "email", "email_verified", "phone_number",
            "phone_number_verified");

    private UserClaims() {
    }

    public static Map<String, Object> of(Account account, Collection<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", account.id);
        if (scopes.contains("profile")) {
            claims.put("preferred_username", account.username);
            claims.put("name", account.username);
        }
        if (scopes.contains("email") && account.email != null) {
            claims.put("email", account.email);
            claims.put("email_verified", true);
        }
        if (scopes.contains("phone") && account.phone != null) {
            claims.put("phone_number", account.phone);
            claims.put("phone_number_verified", true);
        }
        return claims;
    }

    /** The scope string's known values, in the order given. */
    public static List<String> known(String scope) {
        return scope == null ? List.of()
                : List.of(scope.trim().split(" +")).stream().filter(SCOPES::contains).distinct().toList();
    }
}

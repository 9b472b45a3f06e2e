package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider answers under two issuers side by side: the HTTP one (curl, the JSON API) and, when
 * the service also listens on HTTPS, the HTTPS one (client libraries that refuse plain HTTP). An
 * application gets the issuer of the address it used: discovery, the {@code iss} of the redirect and
 * of every token of its sign-in agree, character for character.
 */
@ApplicationScoped
public class Issuers {

    private final AuthConfig config;

    public Issuers(AuthConfig config) {
        this.config = config;
    }

    /** The issuer of a request: the HTTPS one for a request that came over HTTPS (when one is set). */
    public String of(URI request) {
        return "https".equalsIgnoreCase(request.getScheme()) ? config.token().httpsIssuer().orElse(http()) : http();
    }

    public String http() {
        return config.token().issuer();
    }

    /** An issuer this provider signs as; {@code null} is none. */
    public boolean known(String issuer) {
        return issuer != null && all().contains(issuer);
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(List.of(http()));
        config.token().httpsIssuer().ifPresent(all::add);
        return all;
    }
}

package dev.lockstep.example.shop;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sign-ins that start at the payments page ask the provider for a second factor ({@code acr_values}):
 * what {@code @AuthenticationContext} on that page then finds in the ID token.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class StepUpRedirect implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext context) {
        if (context.routingContext().normalizedPath().startsWith("/payments")) {
            context.additionalQueryParams().add("acr_values", ShopPages.MFA);
        }
    }
}

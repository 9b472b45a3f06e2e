package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An application registered to sign users in through Lockstep (an OAuth client). A confidential
 * client has a secret, kept only as its SHA-256; a public one (a browser or native app) has none and
 * must use PKCE.
 */
@Entity
@Table(name = "oidc_client")
public class OidcClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id", length = 64)
    public String clientId;

    @Column(nullable = false, length = 128)
    public String name;

    @Column(name = "secret_hash", length = 64)
    public String secretHash;

    /** Exact redirect URIs, one per line. */
    @Column(name = "redirect_uris", nullable = false, length = 4000)
    public String redirectUris;

    /** Exact post-logout redirect URIs, one per line (may be empty). */
    @Column(name = "post_logout_redirect_uris", nullable = false, length = 4000)
    public String postLogoutRedirectUris;

    @Column(name = "backchannel_logout_uri", length = 1000)
    public String backchannelLogoutUri;

    /** Grant types, space-separated. */
    @Column(name = "grant_types", nullable = false, length = 256)
    public String grantTypes;

    /** The {@code acr} asked for when a request names none ({@code null}: the account's own MFA mode decides). */
    @Column(name = "default_acr", length = 64)
    public String defaultAcr;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean confidential() {
        return secretHash != null;
    }

    public List<String> redirectUriList() {
        return lines(redirectUris);
    }

    public List<String> postLogoutRedirectUriList() {
        return lines(postLogoutRedirectUris);
    }

    public List<String> grantTypeList() {
        return Arrays.asList(grantTypes.split(" "));
    }

    /** Redirect URIs match exactly, character for character (no prefix, no normalisation). */
    public boolean registered(String redirectUri) {
        return redirectUri != null && redirectUriList().contains(redirectUri);
    }

    public boolean allows(String grantType) {
        return grantTypeList().contains(grantType);
    }

    private static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}

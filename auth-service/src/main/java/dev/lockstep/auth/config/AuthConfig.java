package dev.lockstep.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** auth-service settings ({@code lockstep.auth.*}). */
@ConfigMapping(prefix = "lockstep.auth")
public interface AuthConfig {

    /** Password hashing (Argon2id). */
    Password password();

    /** Second-factor login challenges. */
    Challenge challenge();

    /** Access tokens. */
    Token token();

    /**
     * The peers whose {@code X-Forwarded-For} names the client (CIDR blocks or addresses), as a
     * reverse proxy's; from anyone else the header is ignored and the peer's own address counts.
     * {@code none} trusts no one. By default the machine itself, so that tests and the scenario
     * player beside the sandbox can sign in "from Spain".
     */
    @WithDefault("127.0.0.0/8,::1/128")
    List<String> trustedProxies();

    interface Password {
        /** Argon2id passes (t). */
        int iterations();

        /** Argon2id memory in KiB (m). */
        int memoryKib();

        /** Argon2id lanes (p). */
        int parallelism();

        /** Hashes computed at once (each holds memoryKib); more wait. */
        @WithDefault("4")
        int maxConcurrent();
    }

    /** Brute-force protection (operators change it at run time with {@code PUT /v1/admin/lockout}). */
    Lockout lockout();

    interface Lockout {
        /** {@code off} (as in Keycloak), or a preset: keycloak-default, cognito, nist-800-63b, demo. */
        String preset();

        /**
         * The shortest pause (real time) between two rounds that announce temporary locks that ended on
         * the sandbox clock ({@code account.unlocked}, cause {@code expired}); a round runs when a lock ends,
         * not on this timer ({@code LockExpiry}).
         */
        @WithDefault("PT0.5S")
        Duration expiryCheckInterval();

        /** Count wrong second-factor codes apart from wrong passwords. */
        boolean separateCounters();

        /** Tell clients an account is locked (423) instead of answering like a wrong password. */
        boolean revealLockState();
    }

    /** Alerts to the account's email. */
    Notifications notifications();

    interface Notifications {
        /** The sender of alert emails. */
        String sender();
    }

    interface Challenge {
        /** How long a challenge stays open after the right password (sandbox clock). */
        Duration ttl();
    }

    /** The OpenID Connect provider (authorization endpoint, hosted login, token endpoint). */
    Oidc oidc();

    interface Oidc {
        /** How long the hosted login of one sign-in takes input (sandbox clock). */
        @WithDefault("PT30M")
        Duration loginTtl();

        /** How long an authorization code waits for its exchange (sandbox clock). */
        @WithDefault("PT1M")
        Duration codeTtl();

        /** How often sign-ins that never finished (and codes never exchanged) are removed once expired. */
        @WithDefault("PT1M")
        Duration housekeepingInterval();

        /** Where the hosted login's "recover your account" link leads (the console's recovery panel). */
        @WithDefault("http://127.0.0.1:8083/console/")
        String recoveryUrl();
    }

    interface Token {
        /** The {@code iss} claim. */
        String issuer();

        /** The issuer under the HTTPS address, when the service also listens on HTTPS. */
        Optional<String> httpsIssuer();

        /** The {@code aud} claim. */
        String audience();

        /** Lifetime of an access token (sandbox clock). */
        Duration ttl();

        /** Lifetime of a refresh token (sandbox clock); each refresh gives a new one. */
        Duration refreshTtl();
    }
}

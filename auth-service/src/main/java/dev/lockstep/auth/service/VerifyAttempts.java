package dev.lockstep.auth.service;

import dev.lockstep.platform.secret.KeyedHash;
import dev.lockstep.platform.secret.ServiceSecrets;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The id of a verify attempt, sent with its code check to otp-service: the same for the same code on
 * the same challenge and factor, so a verify retried after its answer was lost (otp-service spent the
 * code, then auth-service never heard back) is recognised there as the attempt it already answered.
 * A keyed hash, so the id tells nothing about the code it was made from.
 */
@Startup
@ApplicationScoped
public class VerifyAttempts {

    private static final String PEPPER = "verify-attempt-pepper";

    @Inject
    ServiceSecrets secrets;

    private KeyedHash hash;

    @PostConstruct
    void load() {
        hash = new KeyedHash(secrets.getOrCreate(PEPPER));
    }

    /** 64 hex digits. */
    public String idOf(String challengeId, String factorId, String code) {
        return hash.of(challengeId, factorId != null ? factorId : "", code);
    }
}

package dev.lockstep.auth.service;

import dev.lockstep.platform.secret.KeyedHash;
import dev.lockstep.platform.secret.ServiceSecrets;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The id of a verify attempt, sent with its code check to otp-service: the same for the same code on
 * the same challenge and factor, so a verify retried after its answer was lost (otp-service spent the
 * code, then auth-service never heard back) is recognised there as the attempt it already answered.
 * A keyed hash under a pepper of auth-service's own, so the id tells nothing about the code.
 */
@Startup
@Singleton
public class VerifyAttempts {

    private final KeyedHash hash;

    @Inject
    VerifyAttempts(ServiceSecrets secrets) {
        this.hash = new KeyedHash(secrets.getOrCreate("verify-attempt-pepper"));
    }

    /** 64 hex digits. */
    public String idOf(String challengeId, String factorId, String code) {
        return hash.of(challengeId, factorId != null ? factorId : "", code);
    }
}

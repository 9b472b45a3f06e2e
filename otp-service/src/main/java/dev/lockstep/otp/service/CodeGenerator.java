package dev.lockstep.otp.service;

import java.security.SecureRandom;

/**
 * Random codes from an alphabet (recovery codes, recovery keys), from a cryptographically secure
 * source. Numeric one-time codes come from platform {@code SeededCodes}.
 */
public final class CodeGenerator {

    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = random;
    }

    /** {@code length} characters drawn uniformly from {@code alphabet}. */
    public String next(String alphabet, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}

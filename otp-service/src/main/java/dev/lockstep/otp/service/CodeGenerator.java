package dev.lockstep.otp.service;

import java.security.SecureRandom;

/** Random numeric codes from a cryptographically secure source. */
public final class CodeGenerator {

    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A code of {@code digits} digits, leading zeros kept. */
    public String next(int digits) {
        if (digits < 4 || digits > 8) {
            throw new IllegalArgumentException("codes have 4 to 8 digits, not " + digits);
        }
        int bound = (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", random.nextInt(bound));
    }
}

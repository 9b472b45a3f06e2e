package dev.lockstep.otp.service;

import java.security.SecureRandom;

/** Random codes (numeric, or from an alphabet) from a cryptographically secure source. */
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

    /** {@code length} characters drawn uniformly from {@code alphabet}. */
    public String next(String alphabet, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}

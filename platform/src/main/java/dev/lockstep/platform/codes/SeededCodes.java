package dev.lockstep.platform.codes;

import dev.lockstep.platform.settings.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a service's one-time codes come from: the secure random source, or — for the sandbox only,
 * off by default, when a scenario asks for it — HMAC-SHA256 of a seed over the code's stream, so
 * that a story played twice with the same seed sends the same codes. A stream names where a code
 * goes and which one it is there (a phone number and how many codes it had), never anything random,
 * so the codes do not depend on what else runs meanwhile.
 */
@ApplicationScoped
public class SeededCodes {

    static final String SETTING = "codes.seed";

    private final SecureRandom random = new SecureRandom();

    private final RuntimeSettings settings;

    public SeededCodes(RuntimeSettings settings) {
        this.settings = settings;
    }

    /** The seed codes come from, if one is set. */
    public Optional<Long> seed() {
        return settings.text(SETTING).map(Long::valueOf);
    }

    /** Sets the seed, or (null) goes back to random codes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(Long seed) {
        if (seed == null) {
            settings.remove(SETTING);
        } else {
            settings.putText(SETTING, seed.toString());
        }
    }

    /**
     * A code of {@code digits} digits: derived from the stream under the seed when one is set, else
     * random. The stream is asked for only when seeded (naming it may cost a query).
     */
    public String digits(int digits, Supplier<String> stream) {
        if (digits < 1 || digits > 18) {
            throw new IllegalArgumentException("codes have 1 to 18 digits, not " + digits);
        }
        Optional<Long> seed = seed();
        long bound = BigInteger.TEN.pow(digits).longValueExact();
        long value = seed.isPresent() ? derive(seed.get(), stream.get(), bound) : random.nextLong(bound);
        return String.format("%0" + digits + "d", value);
    }

    static long derive(long seed, String stream, long bound) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ByteBuffer.allocate(Long.BYTES).putLong(seed).array(), "HmacSHA256"));
            byte[] digest = mac.doFinal(stream.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest).mod(BigInteger.valueOf(bound)).longValueExact();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

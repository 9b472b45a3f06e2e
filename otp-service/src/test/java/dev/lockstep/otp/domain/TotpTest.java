package dev.lockstep.otp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Totp.Settings SIX = new Totp.Settings("SHA1", 6, STEP);

    private static byte[] seed(String algorithm) {
        String ascii = switch (algorithm) {
            case "SHA1" -> "12345678901234567890";
            case "SHA256" -> "12345678901234567890123456789012";
            default -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 6238, Appendix B: 8-digit codes for each algorithm at the given Unix times. */
    @ParameterizedTest(name = "{1} at {0}: {2}")
    @CsvSource({
            "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
            "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
            "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
            "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
            "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
            "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826" })
    void matchesTheRfc6238TestVectors(long unixTime, String algorithm, String expected) {
        Totp.Settings settings = new Totp.Settings(algorithm, 8, STEP);
        long step = Totp.step(Instant.ofEpochSecond(unixTime), STEP);
        assertEquals(expected, Totp.code(seed(algorithm), settings, step));
    }

    @Test
    void acceptsOneStepOfDriftByDefaultButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long current = Totp.step(now, STEP);
        String previous = Totp.code(SHA1_SEED, SIX, current - 1);
        String twoBack = Totp.code(SHA1_SEED, SIX, current - 2);
        assertEquals(OptionalLong.of(current - 1), Totp.verify(SHA1_SEED, SIX, previous, now, 1, -1));
        assertTrue(Totp.verify(SHA1_SEED, SIX, previous, now, 0, -1).isEmpty());
        assertTrue(Totp.verify(SHA1_SEED, SIX, twoBack, now, 1, -1).isEmpty());
    }

    @Test
    void aCodeAcceptedOnceIsRefusedForTheRestOfItsWindow() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        String code = Totp.code(SHA1_SEED, SIX, Totp.step(now, STEP));
        long used = Totp.verify(SHA1_SEED, SIX, code, now, 1, -1).orElseThrow();
        assertTrue(Totp.verify(SHA1_SEED, SIX, code, now.plusSeconds(10), 1, used).isEmpty());
        String next = Totp.code(SHA1_SEED, SIX, used + 1);
        assertEquals(OptionalLong.of(used + 1), Totp.verify(SHA1_SEED, SIX, next, now.plusSeconds(30), 1, used));
    }

    @Test
    void theKeyUriCarriesIssuerLabelAndSettings() {
        assertEquals("otpauth://totp/Lockstep:alice%40example.com?secret=GEZDGNBV&issuer=Lockstep"
                + "&algorithm=SHA256&digits=8&period=30",
                Totp.uri("Lockstep", "alice@example.com", "GEZDGNBV", new Totp.Settings("SHA256", 8, STEP)));
    }
}

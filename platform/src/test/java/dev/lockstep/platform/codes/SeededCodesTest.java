package dev.lockstep.platform.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.platform.settings.RuntimeSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Numeric one-time codes: random by default, derived from the seed and the stream when seeded. */
class SeededCodesTest {

    /** Settings held in a map instead of the service's table. */
    private static final class MapSettings extends RuntimeSettings {
        private final Map<String, String> values = new HashMap<>();

        MapSettings() {
            super(null);
        }

        @Override
        public Optional<String> text(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public void putText(String name, String value) {
            values.put(name, value);
        }

        @Override
        public void remove(String name) {
            values.remove(name);
        }
    }

    private final SeededCodes codes = new SeededCodes(new MapSettings());

    @Test
    void randomCodesHaveExactlyTheDigitsAskedForIncludingLeadingZeros() {
        boolean sawLeadingZero = false;
        for (int i = 0; i < 2000; i++) {
            String code = codes.digits(4, () -> {
                throw new AssertionError("an unseeded code must not ask for its stream");
            });
            assertTrue(code.matches("[0-9]{4}"), code);
            sawLeadingZero |= code.startsWith("0");
        }
        assertTrue(sawLeadingZero, "2000 four-digit codes without a leading zero: the range is wrong");
    }

    @Test
    void randomCodesSpreadOverTheWholeRange() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(codes.digits(6, () -> "unused"));
        }
        assertTrue(seen.size() > 490, "six-digit codes repeat far too often: " + seen.size() + " distinct of 500");
    }

    @Test
    void seededCodesFollowTheSeedAndTheStreamAndNothingElse() {
        codes.seed(42L);
        String first = codes.digits(6, () -> "+819012345678#0");
        assertEquals(first, codes.digits(6, () -> "+819012345678#0"), "same seed, same stream: same code");
        assertNotEquals(first, codes.digits(6, () -> "+819012345678#1"), "the next code of the stream differs");
        codes.seed(43L);
        assertNotEquals(first, codes.digits(6, () -> "+819012345678#0"), "another seed, another code");
        codes.seed(null);
        assertTrue(codes.seed().isEmpty());
    }

    @Test
    void refusesLengthsOutsideOneToEighteen() {
        assertThrows(IllegalArgumentException.class, () -> codes.digits(0, () -> "s"));
        assertThrows(IllegalArgumentException.class, () -> codes.digits(19, () -> "s"));
    }
}

package dev.lockstep.platform.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockstep.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @Test
    void normalisesFormattedInternationalNumbersToE164() {
        assertEquals("+819012345678", PhoneNumbers.toE164("+81 90-1234-5678"));
        assertEquals("+34612345678", PhoneNumbers.toE164("+34 612 34 56 78"));
        assertEquals("JP", PhoneNumbers.region("+819012345678"));
    }

    @Test
    void derivesTheCarrierFromTheNumberRange() {
        assertEquals("KDDI", PhoneNumbers.carrier("+819012345678"));
        assertEquals("NTT Docomo", PhoneNumbers.carrier("+818012345678"));
        assertEquals(null, PhoneNumbers.carrier("+15005550006"));
    }

    @Test
    void masksAllButTheLastTwoDigits() {
        assertEquals("+81 ••••••••78", PhoneNumbers.mask("+819012345678"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "12345", "+81 12", "not a number", "090-1234-5678", "+1 555 0100 0000 0000 0000 0000 0000 0" })
    void refusesWhatIsNotAValidInternationalNumber(String raw) {
        ProblemException e = assertThrows(ProblemException.class, () -> PhoneNumbers.toE164(raw));
        assertEquals(400, e.status());
        assertEquals("invalid-phone-number", e.slug());
    }
}

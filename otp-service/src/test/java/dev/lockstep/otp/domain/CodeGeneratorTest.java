package dev.lockstep.otp.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.otp.service.CodeGenerator;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    private final CodeGenerator generator = new CodeGenerator(new SecureRandom());

    @Test
    void codesHaveExactlyTheDigitsAskedForIncludingLeadingZeros() {
        boolean sawLeadingZero = false;
        for (int i = 0; i < 2000; i++) {
            String code = generator.next(4);
            assertTrue(code.matches("[0-9]{4}"), code);
            sawLeadingZero |= code.startsWith("0");
        }
        assertTrue(sawLeadingZero, "2000 four-digit codes without a leading zero: the range is wrong");
    }

    @Test
    void codesSpreadOverTheWholeRange() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(generator.next(6));
        }
        assertTrue(seen.size() > 490, "six-digit codes repeat far too often: " + seen.size() + " distinct of 500");
    }

    @Test
    void refusesLengthsOutsideFourToEight() {
        assertThrows(IllegalArgumentException.class, () -> generator.next(3));
        assertThrows(IllegalArgumentException.class, () -> generator.next(9));
    }
}

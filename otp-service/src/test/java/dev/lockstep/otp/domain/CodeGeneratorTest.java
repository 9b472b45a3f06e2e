package dev.lockstep.otp.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.otp.service.CodeGenerator;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    private final CodeGenerator generator = new CodeGenerator(new SecureRandom());

    @Test
    void codesAreDrawnFromTheAlphabetAtTheLengthAskedFor() {
        for (int i = 0; i < 500; i++) {
            String code = generator.next("ABC234", 10);
            assertTrue(code.matches("[ABC234]{10}"), code);
        }
    }

    @Test
    void codesSpreadOverTheAlphabet() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(generator.next("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6));
        }
        assertTrue(seen.size() > 495, "six-character codes repeat far too often: " + seen.size() + " distinct of 500");
        Set<Character> letters = new HashSet<>();
        seen.forEach(code -> code.chars().forEach(c -> letters.add((char) c)));
        assertTrue(letters.size() == 32, "every character of the alphabet turns up: " + letters);
    }
}

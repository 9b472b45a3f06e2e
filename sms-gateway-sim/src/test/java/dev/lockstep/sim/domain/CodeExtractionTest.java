package dev.lockstep.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CodeExtractionTest {

    @Test
    void findsTheCodeInRealisticTexts() {
        assertEquals("123456", Message.extractCode("Your Lockstep code is 123456. It expires in 10 minutes.", "sms"));
        assertEquals("0042", Message.extractCode("0042 is your Apple ID verification code", "sms"));
        assertEquals("98765432", Message.extractCode("code:98765432", "sms"));
    }

    @Test
    void ignoresShortOrOverlongDigitRuns() {
        assertNull(Message.extractCode("Call us on 123 today", "sms"));
        assertNull(Message.extractCode("Ref 1234567890123", "sms"));
        assertNull(Message.extractCode("no digits here", "sms"));
    }

    @Test
    void readsACodeSpokenDigitByDigitInAVoiceMessage() {
        assertEquals("482913",
                Message.extractCode("Your Lockstep code is: 4, 8, 2, 9, 1, 3. Again: 4, 8, 2, 9, 1, 3.", "voice"));
        assertNull(Message.extractCode("Your Lockstep code is: 4, 8, 2, 9, 1, 3.", "sms"));
    }
}

package dev.lockstep.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static Phone phone(Consumer<Phone> state) {
        Phone phone = new Phone();
        phone.e164 = "+819012345678";
        phone.region = "JP";
        state.accept(phone);
        return phone;
    }

    private static DeliveryOutcome decide(Consumer<Phone> state) {
        return DeliveryPolicy.decide(phone(state), "sms", "Lockstep", 0);
    }

    @Test
    void aHealthyPhoneGetsTheMessage() {
        DeliveryOutcome outcome = decide(p -> {
        });
        assertEquals(List.of("queued", "sent", "delivered"), outcome.receipts());
        assertNull(outcome.errorCode());
    }

    @Test
    void eachProblemEndsWithItsCarrierCode() {
        assertEquals(30005, decide(p -> p.sim = "cancelled").errorCode());
        assertEquals(30003, decide(p -> p.handset = "off").errorCode());
        assertEquals(30003, decide(p -> p.signal = "none").errorCode());
        assertEquals(30007, decide(p -> p.smsFilter = "alphanumeric").errorCode());
        assertEquals(30007, decide(p -> {
            p.smsFilter = "international";
            p.roaming = "ES";
        }).errorCode());
        assertEquals(30003, decide(p -> {
            p.roaming = "ES";
            p.roamingAgreement = false;
        }).errorCode());
        assertEquals("delivered", decide(p -> p.roaming = "ES").finalStatus());
        assertEquals("undelivered", decide(p -> p.sim = "cancelled").finalStatus());
    }

    @Test
    void aLandlineRefusesBeforeSending() {
        DeliveryOutcome outcome = decide(p -> p.lineType = "fixed-line");
        assertEquals(List.of("queued", "failed"), outcome.receipts());
        assertEquals(30006, outcome.errorCode());
    }

    @Test
    void optedOutAndSmsIncapableNumbersAreRefusedBeforeSending() {
        DeliveryOutcome optedOut = decide(p -> p.optedOut = true);
        assertEquals(List.of("queued", "failed"), optedOut.receipts());
        assertEquals(21610, optedOut.errorCode());
        assertEquals(21614, decide(p -> p.smsCapable = false).errorCode());
    }

    @Test
    void aSwappedSimStillReceivesAsThatIsWhatMakesItDangerous() {
        assertEquals("delivered", decide(p -> p.sim = "swapped").finalStatus());
    }

    @Test
    void numericSendersPassAnAlphanumericFilterAndAFullInboxRefuses() {
        Phone filtered = phone(p -> p.smsFilter = "alphanumeric");
        assertEquals("delivered", DeliveryPolicy.decide(filtered, "sms", "+15005550006", 0).finalStatus());
        Phone small = phone(p -> p.inboxCapacity = 2);
        assertEquals("delivered", DeliveryPolicy.decide(small, "sms", "Lockstep", 1).finalStatus());
        assertEquals(30008, DeliveryPolicy.decide(small, "sms", "Lockstep", 2).errorCode());
    }

    @Test
    void theSubscriptionIsCheckedBeforeTheHandset() {
        assertEquals(30005, decide(p -> {
            p.sim = "cancelled";
            p.handset = "off";
        }).errorCode());
    }

    @Test
    void aCallReachesALandlineAndIgnoresSmsFiltersButNeedsALiveHandset() {
        Phone landline = phone(p -> {
            p.lineType = "fixed-line";
            p.smsFilter = "alphanumeric";
            p.optedOut = true;
        });
        assertEquals("delivered", DeliveryPolicy.decide(landline, "voice", "Lockstep", 0).finalStatus());
        assertEquals(30003, DeliveryPolicy.decide(phone(p -> p.handset = "off"), "voice", "Lockstep", 0).errorCode());
        assertEquals(30005, DeliveryPolicy.decide(phone(p -> p.sim = "cancelled"), "voice", "Lockstep", 0).errorCode());
    }

    @Test
    void mailToAMissingOrFullMailboxBounces() {
        Mailbox mailbox = new Mailbox();
        mailbox.inboxCapacity = 1;
        assertEquals("delivered", DeliveryPolicy.decide(mailbox, 0).finalStatus());
        assertEquals(552, DeliveryPolicy.decide(mailbox, 1).errorCode());
        mailbox.active = false;
        assertEquals(550, DeliveryPolicy.decide(mailbox, 0).errorCode());
    }
}

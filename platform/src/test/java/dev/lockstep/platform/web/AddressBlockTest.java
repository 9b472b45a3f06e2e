package dev.lockstep.platform.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Addresses are parsed from literals only: a host name is never looked up. */
class AddressBlockTest {

    @Test
    void onlyAddressLiteralsAreLookedUpNeverHostNames() {
        assertTrue(AddressBlock.literal("example.com").isEmpty());
        assertTrue(AddressBlock.literal("203.0.113.7; DROP TABLE").isEmpty());
        assertTrue(AddressBlock.literal("::1").isPresent());
    }
}

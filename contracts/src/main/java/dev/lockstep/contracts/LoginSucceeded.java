package dev.lockstep.contracts;

import java.util.List;

/**
 * A login finished and a token was issued. {@code amr} lists the methods used, e.g. pwd and sms;
 * {@code deviceId} is the client's device id, if it sent one (recovery-service tells the device that
 * started a recovery from others).
 */
@EventType("lockstep.login.succeeded.v1")
public record LoginSucceeded(String accountId, String challengeId, String tokenId, List<String> amr, String deviceId) {
}

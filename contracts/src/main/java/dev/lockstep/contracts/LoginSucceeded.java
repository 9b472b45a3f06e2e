package dev.lockstep.contracts;

import java.util.List;

/**
 * A login finished: a session started ({@code sessionId}) and, for the JSON API, a token was issued
 * ({@code tokenId}; null for the hosted login, whose token endpoint issues them later). {@code amr}
 * lists the methods used, e.g. pwd and sms; {@code deviceId} is the client's device id, if it sent
 * one (recovery-service tells the device that started a recovery from others). It is the sign-in's one
 * event on {@link Topic#SIGN_INS}: the session's start is not an event of its own.
 */
@EventType("lockstep.login.succeeded.v1")
public record LoginSucceeded(String accountId, String challengeId, String tokenId, List<String> amr, String deviceId,
        String sessionId) {
}

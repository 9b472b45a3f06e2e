package dev.lockstep.contracts;

import java.util.List;

/** A login finished and a token was issued. {@code amr} lists the methods used, e.g. pwd and sms. */
@EventType("lockstep.login.succeeded.v1")
public record LoginSucceeded(String accountId, String challengeId, String tokenId, List<String> amr) {
}

package dev.lockstep.contracts;

/**
 * An identity-provider fault rule acted on a request to one of Lockstep's own OpenID Connect endpoints
 * (or on a back-channel logout it was about to send). {@code effect}: {@code fail}, {@code error},
 * {@code delay}, {@code hide-current-key} or {@code drop}; {@code status} and {@code error} what the
 * caller got, {@code delayMs} how long it waited; {@code clientId} the application, when known.
 */
@EventType("lockstep.idp.fault-fired.v1")
public record IdpFaultFired(String ruleId, String ruleName, String endpoint, String effect, String clientId, Integer status,
        String error, Long delayMs) {
}

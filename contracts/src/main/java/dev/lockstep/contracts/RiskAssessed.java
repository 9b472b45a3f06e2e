package dev.lockstep.contracts;

import java.util.List;

/**
 * auth-service weighed a login attempt's risk (Cognito's adaptive authentication): the signals that
 * fired, their score, the level it falls in and what was done about it.
 *
 * @param signals e.g. {@code new-device}, {@code new-country}, {@code impossible-travel},
 *        {@code credential-stuffing}, {@code device-many-accounts}, {@code sim-swap},
 *        {@code compromised-password}
 * @param level {@code low}, {@code medium} or {@code high}
 * @param action {@code allow}, {@code require-mfa}, {@code block} or {@code lock}
 * @param country the ISO 3166 country the simulated GeoIP table put the client in, or null
 */
@EventType("lockstep.risk.assessed.v1")
public record RiskAssessed(String accountId, int score, String level, List<String> signals, String action,
        String ip, String country) {
}

package dev.lockstep.sim.scenario;

import java.util.HashMap;
import java.util.Map;

/** What a run remembers between steps, per (lower-case) username. */
final class ScenarioRun {

    final Map<String, String> challenges = new HashMap<>();
    final Map<String, String> phones = new HashMap<>();
    final Map<String, String> accountIds = new HashMap<>();
    final Map<String, String> recoveryKeys = new HashMap<>();
    final Map<String, String> cases = new HashMap<>();
    /** Where the account's recovery codes go: the recovery phone or the contact email. */
    final Map<String, String> contacts = new HashMap<>();
    /** Registered applications: client id → its first redirect URI. */
    final Map<String, String> clients = new HashMap<>();
    /** The code last taken from each contact: the next step waits for a newer one. */
    final Map<String, String> usedCodes = new HashMap<>();
    String startedAt;
}

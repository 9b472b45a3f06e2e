package dev.lockstep.contracts.http;

import java.time.Instant;
import java.util.List;

/**
 * What recovery-service asks auth-service and otp-service over their internal APIs (answers needed
 * now: is this the password, restore access, which factor has this number).
 */
public final class RecoveryCalls {

    private RecoveryCalls() {
    }

    /** An account as auth-service tells recovery-service about it. */
    public record AccountFacts(String id, String username, String email, String status) {
    }

    /**
     * An account name and a password to compare with the account's current one (also when it was
     * invalidated). An unknown name costs the same password hash as a known one.
     */
    public record CredentialCheck(String username, String password) {
    }

    /** The account when the name and password are its own; otherwise {@code account} is null. */
    public record CredentialResult(boolean matches, AccountFacts account) {
    }

    /** Passwords someone says the account had: how many of them it really had. */
    public record HistoryCheck(List<String> passwords) {
    }

    public record Matches(int matched) {
    }

    /**
     * A recovery case ends well: a new password, the account unlocked, every session revoked, the
     * owner told. Repeating it for the same case changes nothing more.
     */
    public record Restore(String caseId, String password, String correlationId) {
    }

    /** Support escalation (S2): what an intruder added since {@code since} goes. */
    public record Escalation(String caseId, Instant since, String correlationId) {
    }

    /** How much an escalation removed. */
    public record Removed(int sessions, int devices, int factors) {
    }

    /** A phone number to look for among the account's trusted phones. */
    public record PhoneMatch(String phone) {
    }

    /** The trusted phone factor with that number, or null. */
    public record FactorMatch(String factorId) {
    }

    /** Send a code to one of the account's trusted phones, for a recovery case (its challenge). */
    public record SendCode(String challengeId, String correlationId) {
    }

    /** The account's trusted phones become this one number (after a waiting-period recovery). */
    public record ReplacePhones(String phone, String correlationId) {
    }
}

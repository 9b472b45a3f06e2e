package dev.lockstep.recovery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * recovery-service's defaults ({@code lockstep.recovery.*}); operators change them at run time with
 * {@code PUT /v1/admin/recovery/settings}. All durations run on the sandbox clock.
 */
@ConfigMapping(prefix = "lockstep.recovery")
public interface RecoveryConfig {

    /** How long a waiting-period recovery waits (Apple: "several days or longer"). */
    @WithDefault("P3D")
    Duration waitingPeriod();

    /** When the owner may see more than "requested"; earlier than the end of the wait. */
    @WithDefault("P1D")
    Duration statusAvailableAfter();

    /** {@code any-sign-in} or {@code other-device}: which sign-ins during a wait cancel it. */
    @WithDefault("any-sign-in")
    String cancelOn();

    @WithDefault("P7D")
    Duration recoveryCodeLifetime();

    @WithDefault("PT10M")
    Duration contactCodeLifetime();

    /**
     * A case whose contact or trusted phone was never verified fails this long after it started
     * ("abandoned"; start again), so that unfinished starts do not stay open for ever.
     */
    @WithDefault("P1D")
    Duration abandonedAfter();

    /** Wrong codes a case takes (for each code) before it fails. */
    @WithDefault("5")
    int maxCodeAttempts();

    @WithDefault("P1D")
    Duration escalationDelay();

    /**
     * The shortest pause (real time) between two rounds that advance cases whose time came on the sandbox
     * clock; a round runs when a case's time comes, not on this timer ({@code RecoveryTimers}).
     */
    @WithDefault("PT0.5S")
    Duration timerInterval();

    /** Codes a case sends at most (the first and the resends); beyond, 429 {@code too-many-sends}. */
    @WithDefault("5")
    int maxSends();

    /**
     * Codes recovery sends at most to one phone number or email address in 24 hours (sandbox
     * clock), across all cases; beyond, 429 {@code send-limit-reached}. Recovery sends to numbers
     * and addresses the caller types in: this bounds what it can be made to send (SMS pumping).
     */
    @WithDefault("10")
    int maxSendsPerDestination();

    /**
     * A refused recovery key or trusted-phone password is answered no sooner than this after the
     * request came in: a known name costs writes an unknown one does not (the day's tries of a key,
     * a failed login), and this hides them.
     */
    @WithDefault("PT0.3S")
    Duration refusalFloor();

    /**
     * Different new numbers a waiting-period recovery may be asked to send codes to for one account
     * name (known or not) in 24 hours of sandbox time; beyond, 429 {@code new-number-limit-reached}.
     */
    @WithDefault("3")
    int maxNewNumbersPerAccount();

    /** The same bound per caller address, in one hour of sandbox time. */
    @WithDefault("10")
    int maxNewNumbersPerAddress();

    /**
     * The peers whose {@code X-Forwarded-For} names the caller (CIDR blocks or addresses, or
     * {@code none}); the address the per-address bound counts.
     */
    @WithDefault("127.0.0.0/8,::1/128")
    List<String> trustedProxies();

    /** The same bound per account name (known or not), across its cases and destinations. */
    @WithDefault("20")
    int maxSendsPerName();

    /** How long a right recovery key or trusted-phone code lets the owner set a new password. */
    @WithDefault("PT15M")
    Duration verifiedWindow();

    Form form();

    Messages messages();

    interface Form {

        /** Points needed for an accepted form. */
        @WithDefault("60")
        int threshold();

        /** Points per field when fully right (lists: two right items earn all of them). */
        Map<String, Integer> weights();

        /** When the verdict email goes out after a submission (Microsoft: "within 24 hours"). */
        @WithDefault("PT24H")
        Duration verdictDelay();

        /** Submissions per account per sandbox day (Microsoft: 2). */
        @WithDefault("2")
        int maxPerDay();
    }

    interface Messages {

        @WithDefault("Lockstep")
        String smsSender();

        @WithDefault("no-reply@lockstep.dev")
        String emailSender();

        /** Where links in messages point (the owner-facing API). */
        @WithDefault("http://127.0.0.1:8084")
        String publicUrl();
    }
}

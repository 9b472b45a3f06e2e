package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario file (YAML): the starting state of a story — accounts, lockout and risk settings, phone
 * states, fault rules, the seed — and the steps that tell it, each with what should happen.
 * Unknown fields, wrong types and unknown actions are errors that name their line.
 */
public record ScenarioFile(
        @JsonProperty(required = true) String name,
        String story,
        Long seed,
        Map<String, Object> lockout,
        Map<String, Object> risk,
        List<AccountSpec> accounts,
        List<PhoneSpec> phones,
        List<Map<String, Object>> faults,
        List<Step> steps) {

    /** An account: the phone becomes its trusted phone; {@code mfa} off, new-device or always. */
    public record AccountSpec(
            @JsonProperty(required = true) String username,
            @JsonProperty(required = true) String password,
            @JsonProperty(required = true) String phone,
            String email,
            String mfa,
            Map<String, Object> lockoutPolicy) {
    }

    /** A virtual phone's state, as {@code PUT /v1/phones/{number}} takes it. */
    public record PhoneSpec(@JsonProperty(required = true) String number, Map<String, Object> state) {
    }

    /** What a step does. */
    public enum Action {
        LOGIN, ENTER_CODE, RESEND_CODE, SUSPICIOUS_ACTIVITY, ADVANCE_CLOCK, SET_PHONE, CHECK_ACCOUNT;

        @JsonCreator
        public static Action of(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown action '" + name + "' (one of " + names() + ")");
            }
        }

        @JsonValue
        public String title() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static List<String> names() {
            return java.util.Arrays.stream(values()).map(Action::title).toList();
        }
    }

    /**
     * One step. {@code login}: username, password, optional ip (the client's address) and device;
     * {@code enter-code}: the newest code on the account's phone, for its last login;
     * {@code resend-code}: another code for that login; {@code suspicious-activity}: support locks the
     * account and invalidates its password (reason); {@code advance-clock}: by (ISO-8601);
     * {@code set-phone}: number and state; {@code check-account}: the account as operators see it.
     */
    public record Step(
            @JsonProperty(required = true) Action action,
            String username,
            String password,
            String ip,
            String device,
            String reason,
            String by,
            String number,
            Map<String, Object> state,
            Expect expect) {
    }

    /**
     * What should happen; only the fields given are checked. {@code http}: the answer's status;
     * {@code status}: a login's status (MFA_REQUIRED, SUCCESS); {@code codeArrives}: whether a code
     * reached the phone; {@code accountStatus}, {@code lockReason}: the account afterwards;
     * {@code signals}: risk signals the account's latest attempt carries.
     */
    public record Expect(Integer http, String status, Boolean codeArrives, String accountStatus, String lockReason,
            List<String> signals) {
    }
}

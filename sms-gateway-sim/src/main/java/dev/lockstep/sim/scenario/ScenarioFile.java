package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario file (YAML): the starting state of a story — the sandbox time, accounts with their
 * factors, code policies and recovery facts, lockout, risk and recovery settings, phone states,
 * fault rules, the seed — and the steps that tell it, each with what should happen. Unknown
 * fields, wrong types and unknown actions are errors that name their line.
 */
public record ScenarioFile(
        @JsonProperty(required = true) String name,
        String story,
        Long seed,
        /** The sandbox time the story starts at (ISO-8601 instant); the clock is set to it. */
        String startsAt,
        /**
         * true: the clock stands still from the start (only {@code advance-clock} moves it), so the
         * times in the delivery log repeat exactly in a replay; false: it runs again; absent: as it is.
         */
        Boolean frozenClock,
        /**
         * true (sandbox use only): otp-service and recovery-service derive their codes from the seed,
         * so that a replay sends the very same codes; a sandbox reset goes back to random codes.
         */
        Boolean seededCodes,
        Map<String, Object> lockout,
        Map<String, Object> risk,
        /** recovery-service's settings ({@code PUT /v1/admin/recovery/settings}). */
        Map<String, Object> recovery,
        List<AccountSpec> accounts,
        List<PhoneSpec> phones,
        List<Map<String, Object>> faults,
        /** Applications registered with auth-service, as {@code POST /v1/admin/clients} takes them (replaced if present). */
        List<Map<String, Object>> clients,
        /** Fault rules on Lockstep's own OpenID Connect endpoints, as {@code POST /v1/admin/idp-faults} takes them. */
        List<Map<String, Object>> idpFaults,
        List<Step> steps) {

    /**
     * An account: the phone becomes its trusted phone; {@code mfa} off, new-device or always;
     * {@code recoveryKey} true gives it a recovery key (the {@code recover-with-key} step uses it);
     * {@code recoveryCodes} true a set of recovery codes; {@code otherPhones} are more trusted phones;
     * {@code devices} are devices the owner already signed in from (trusted: a sign-in from each at
     * setup, its code entered); {@code codePolicies} per channel (sms, voice) as otp-service takes
     * them; {@code profile} and {@code mail} (the sent history) are what a recovery form is scored against.
     */
    public record AccountSpec(
            @JsonProperty(required = true) String username,
            @JsonProperty(required = true) String password,
            @JsonProperty(required = true) String phone,
            String email,
            String mfa,
            Map<String, Object> lockoutPolicy,
            Boolean recoveryKey,
            Boolean recoveryCodes,
            List<String> otherPhones,
            List<String> devices,
            Map<String, Map<String, Object>> codePolicies,
            Map<String, Object> profile,
            List<Map<String, Object>> mail) {
    }

    /** A virtual phone's state, as {@code PUT /v1/phones/{number}} takes it. */
    public record PhoneSpec(@JsonProperty(required = true) String number, Map<String, Object> state) {
    }

    /** What a step does. */
    public enum Action {
        LOGIN,
        ENTER_CODE,
        RESEND_CODE,
        SUSPICIOUS_ACTIVITY,
        ADVANCE_CLOCK,
        SET_PHONE,
        CHECK_ACCOUNT,
        SET_MFA,
        START_RECOVERY,
        VERIFY_RECOVERY_CONTACT,
        COMPLETE_RECOVERY,
        RECOVER_WITH_KEY,
        START_RECOVERY_FORM,
        SUBMIT_FORM,
        CHECK_RECOVERY,
        ESCALATE,
        OIDC_LOGIN;

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
            return Arrays.stream(values()).map(Action::title).toList();
        }
    }

    /**
     * One step. {@code login}: username, password, optional ip (the client's address) and device;
     * {@code enter-code}: the newest code no step used yet on the account's phone (or number), for its last login;
     * {@code resend-code}: another code for that login; {@code suspicious-activity}: support locks the
     * account and invalidates its password (reason); {@code advance-clock}: by (ISO-8601);
     * {@code set-phone}: number and state; {@code check-account}: the account as operators see it;
     * {@code set-mfa}: support turns the second factor {@code mode} off or on (reason).
     * Recovery: {@code start-recovery} (recoveryPhone, optional trustedPhone: the account's phone,
     * device); {@code start-recovery-form} (contactEmail); {@code verify-recovery-contact}: the newest
     * code at the recovery phone or contact email; {@code submit-form} (form: the answers);
     * {@code complete-recovery} (newPassword; the newest code at the contact);
     * {@code recover-with-key} (newPassword; the key made at setup, or recoveryKey);
     * {@code escalate} (reason; since: ISO-8601 instant, default the story's start);
     * {@code check-recovery}: the account's latest case, waited for up to 15 s.
     * {@code oidc-login} (password, client: a client id from {@code clients}, optional acr, ip): an
     * application signs the user in through the hosted login with the code flow and PKCE, the code
     * read from the account's phone; its {@code status} is SUCCESS, REFUSED, CODE_REFUSED, NO_CODE or
     * the OAuth error the application got back, and {@code acr} the ID token's.
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
            String mode,
            String recoveryPhone,
            String trustedPhone,
            String contactEmail,
            Map<String, Object> form,
            String newPassword,
            String recoveryKey,
            String since,
            String client,
            String acr,
            Expect expect) {
    }

    /**
     * What should happen; only the fields given are checked. {@code http}: the answer's status;
     * {@code status}: a login's status (MFA_REQUIRED, SUCCESS); {@code codeArrives}: whether a code
     * reached the phone; {@code accountStatus}, {@code lockReason}: the account afterwards;
     * {@code signals}: risk signals the account's latest attempt carries; {@code sessions}: how many
     * active sessions the account has; {@code caseStatus}: its latest recovery case's status;
     * {@code acr}: the ID token's authentication context class ({@code oidc-login}).
     */
    public record Expect(Integer http, String status, Boolean codeArrives, String accountStatus, String lockReason,
            List<String> signals, Integer sessions, String caseStatus, String acr) {
    }
}

package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's accounts, set up through the services' own APIs: the account and its second-factor mode
 * and lockout policy, the recovery profile and mail history, code policies, more phones, recovery codes
 * and key, and the devices the owner already trusted.
 */
@ApplicationScoped
public class AccountSetup {

    private final SandboxApi api;

    private final DeliveredCodes codes;

    public AccountSetup(SandboxApi api, DeliveredCodes codes) {
        this.api = api;
        this.codes = codes;
    }

    /** Creates the account with everything the file gives it, then trusts its known devices. */
    void create(ScenarioFile.AccountSpec account, ScenarioRun state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", account.username());
        body.put("password", account.password());
        body.put("phone", account.phone());
        if (account.email() != null) {
            body.put("email", account.email());
        }
        String auth = api.auth();
        String id = api.call("POST", auth + "/v1/admin/accounts", body, 201, "account " + account.username()).body()
                .get("id").asText();
        String path = auth + "/v1/admin/accounts/" + SandboxApi.encode(account.username());
        if (account.mfa() != null) {
            api.call("PUT", path + "/mfa", Map.of("mode", account.mfa(), "reason", "scenario"), 200,
                    "mfa of " + account.username());
        }
        if (account.lockoutPolicy() != null) {
            api.call("PUT", path + "/lockout-policy", account.lockoutPolicy(), 200, "lockout policy of " + account.username());
        }
        String user = account.username().toLowerCase(Locale.ROOT);
        state.accountIds.put(user, id);
        state.phones.put(user, PhoneNumbers.toE164(account.phone()));
        String recovery = api.recovery() + "/v1/admin/recovery/accounts/" + SandboxApi.encode(account.username());
        if (account.profile() != null) {
            api.call("PUT", recovery + "/profile", account.profile(), 200, "profile of " + account.username());
        }
        for (Map<String, Object> mail : ScenarioLists.list(account.mail())) {
            api.call("POST", recovery + "/mail", mail, 201, "mail history of " + account.username());
        }
        awaitPhoneFactor(id, account.username());
        String otp = api.otp() + "/v1/admin/accounts/" + id;
        if (account.codePolicies() != null) {
            for (Map.Entry<String, Map<String, Object>> policy : account.codePolicies().entrySet()) {
                api.call("PUT", otp + "/code-policies/" + SandboxApi.encode(policy.getKey()), policy.getValue(), 200,
                        policy.getKey() + " code policy of " + account.username());
            }
        }
        for (String phone : ScenarioLists.list(account.otherPhones())) {
            api.call("POST", otp + "/phones", Map.of("phone", phone), 201, "phone " + phone + " of " + account.username());
        }
        if (Boolean.TRUE.equals(account.recoveryCodes())) {
            api.call("POST", otp + "/recovery-codes", null, 201, "recovery codes of " + account.username());
        }
        for (String device : ScenarioLists.list(account.devices())) {
            signInFrom(account, device, state);
        }
        if (Boolean.TRUE.equals(account.recoveryKey())) {
            state.recoveryKeys.put(user, api.call("POST", otp + "/recovery-key", null, 201,
                    "recovery key of " + account.username()).body().get("recoveryKey").asText());
        }
    }

    /**
     * The trusted phone travels to otp-service as an event; the story goes on once it is there (up to
     * {@code accountSetupWait}).
     */
    private void awaitPhoneFactor(String accountId, String username) {
        try {
            api.client().awaitPhoneFactor(accountId, api.waits().accountSetupWait());
        } catch (IllegalStateException e) {
            throw new ProblemException(503, "scenario-setup-failed", "The phone of " + username
                    + " never reached otp-service", "Is the broker running?");
        }
    }

    /** A sign-in from a device at setup, its code entered and the device trusted (a device the owner knows). */
    private void signInFrom(ScenarioFile.AccountSpec account, String device, ScenarioRun state) {
        String auth = api.auth();
        Reply login = api.send("POST", auth + "/v1/login", Map.of("username", account.username(), "password",
                account.password(), "deviceId", device), null);
        if (login.status() != 200) {
            throw new ProblemException(422, "scenario-setup-failed", "Setting up the scenario failed at device "
                    + device + " of " + account.username(), "The login answered " + login.status() + ": " + login.body());
        }
        if (!"MFA_REQUIRED".equals(login.body().path("status").asText())) {
            return;
        }
        String code = codes.fresh(state, PhoneNumbers.toE164(account.phone()), api.waits().codeWait());
        if (code == null) {
            throw new ProblemException(422, "scenario-setup-failed", "No code reached " + account.username()
                    + " to trust device " + device, "Is the broker running?");
        }
        api.call("POST", auth + "/v1/login/" + login.body().get("challengeId").asText() + "/verify",
                Map.of("code", code, "trustDevice", true), 200, "device " + device + " of " + account.username());
    }
}

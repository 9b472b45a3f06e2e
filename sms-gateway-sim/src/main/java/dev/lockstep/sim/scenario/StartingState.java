package dev.lockstep.sim.scenario;

import static dev.lockstep.sim.scenario.ScenarioLists.list;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.platform.phone.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * A scenario's starting state, on a reset sandbox, through the services' own APIs: the clock, the
 * settings (recovery, seed, lockout, risk), the accounts, phone states, fault rules, applications and
 * identity-provider fault rules.
 */
@ApplicationScoped
public class StartingState {

    private final SandboxApi api;

    private final AccountSetup accounts;

    public StartingState(SandboxApi api, AccountSetup accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    /** Sets the file's starting state up and returns what the steps will need of it. */
    ScenarioRun setUp(ScenarioFile file) {
        // frozen (or let run) first: a frozen clock then stands exactly at startsAt, whatever it did before
        if (file.frozenClock() != null) {
            api.call("POST", api.sim() + "/v1/clock", Map.of("freeze", file.frozenClock()), 200, "frozenClock");
            api.awaitClock();
        }
        if (file.startsAt() != null) {
            api.call("POST", api.sim() + "/v1/clock", Map.of("set", file.startsAt()), 200, "startsAt");
            api.awaitClock();
        }
        if (Boolean.TRUE.equals(file.seededCodes())) {
            for (String service : List.of(api.otp(), api.recovery())) {
                api.call("PUT", service + "/v1/admin/code-seed", Map.of("seed", file.seed()), 200, "seededCodes");
            }
        }
        if (file.recovery() != null) {
            api.call("PUT", api.recovery() + "/v1/admin/recovery/settings", file.recovery(), 200, "recovery");
        }
        if (file.seed() != null) {
            api.call("PUT", api.sim() + "/v1/seed", Map.of("seed", file.seed()), 200, "seed");
        }
        if (file.lockout() != null) {
            api.call("PUT", api.auth() + "/v1/admin/lockout", file.lockout(), 200, "lockout");
        }
        if (file.risk() != null) {
            api.call("PUT", api.auth() + "/v1/admin/risk", file.risk(), 200, "risk");
        }
        ScenarioRun state = new ScenarioRun();
        for (ScenarioFile.AccountSpec account : list(file.accounts())) {
            accounts.create(account, state);
        }
        for (ScenarioFile.PhoneSpec phone : list(file.phones())) {
            api.call("PUT", api.sim() + "/v1/phones/" + SandboxApi.encode(PhoneNumbers.toE164(phone.number())),
                    phone.state() != null ? phone.state() : Map.of(), 200, "phone " + phone.number());
        }
        for (Map<String, Object> fault : list(file.faults())) {
            api.call("POST", api.sim() + "/v1/faults", fault, 201, "fault rule");
        }
        for (Map<String, Object> client : list(file.clients())) {
            registerClient(client, state);
        }
        for (Map<String, Object> fault : list(file.idpFaults())) {
            api.call("POST", api.auth() + "/v1/admin/idp-faults", fault, 201, "identity-provider fault rule");
        }
        state.startedAt = api.clockNow();
        return state;
    }

    /** Registers an application, replacing one of the same id (clients outlive resets). */
    private void registerClient(Map<String, Object> client, ScenarioRun state) {
        String clients = api.auth() + "/v1/admin/clients";
        Object id = client.get("clientId");
        if (id != null) {
            api.send("DELETE", clients + "/" + SandboxApi.encode(id.toString()), null, api.adminToken());
        }
        JsonNode registered = api.call("POST", clients, client, 201, "client " + (id != null ? id : "")).body();
        state.clients.put(registered.get("clientId").asText(), registered.path("redirectUris").path(0).asText(null));
    }
}

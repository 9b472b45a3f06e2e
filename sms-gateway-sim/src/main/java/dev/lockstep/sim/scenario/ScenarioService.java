package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.reset.SandboxReset;
import dev.lockstep.sim.config.SimConfig;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Expect;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a scenario: checks the whole file first (a bad one changes nothing and its error names the
 * line), resets all four services, sets the story's starting state up through the services' own
 * APIs, and — unless asked not to — runs the steps and reports each expectation met or missed.
 */
@ApplicationScoped
public class ScenarioService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** One step's outcome. */
    public record StepReport(int index, int line, String action, boolean met, Map<String, Object> expected,
            Map<String, Object> actual) {
    }

    /** What loading (and running) a scenario did. */
    public record Report(String name, String story, boolean ran, boolean passed, int accounts, List<StepReport> steps) {
    }

    @Inject
    SimConfig config;

    @Inject
    LockstepConfig lockstep;

    @Inject
    SandboxReset reset;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Parses and checks a scenario without changing anything; the line of every step, in order. */
    public Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("invalid-scenario", "The scenario is empty", "Send a YAML scenario file.");
        }
        ScenarioFile file;
        try {
            file = YAML.readValue(text, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            int line = lineOf(text, e);
            ProblemException problem = ProblemException.badRequest("invalid-scenario",
                    "The scenario is not valid" + (line > 0 ? " at line " + line : ""), e.getOriginalMessage());
            throw line > 0 ? problem.with("line", line) : problem;
        }
        if (file == null) {
            throw ProblemException.badRequest("invalid-scenario", "The scenario is empty", null);
        }
        List<Step> steps = file.steps() != null ? file.steps() : List.of();
        Map<String, Integer> index = lineIndex(text);
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            lines.add(index.getOrDefault("steps/" + i, 0));
        }
        for (ScenarioFile.AccountSpec account : list(file.accounts())) {
            PhoneNumbers.toE164(account.phone());
        }
        for (ScenarioFile.PhoneSpec phone : list(file.phones())) {
            PhoneNumbers.toE164(phone.number());
        }
        List<Object> clientIds = list(file.clients()).stream().map(c -> c.get("clientId")).toList();
        for (int i = 0; i < steps.size(); i++) {
            String problem = problem(steps.get(i));
            if (problem == null && steps.get(i).client() != null && !clientIds.contains(steps.get(i).client())) {
                problem = steps.get(i).action().title() + " names client " + steps.get(i).client()
                        + ", which is not among the scenario's clients (each needs a clientId)";
            }
            if (problem != null) {
                int line = i < lines.size() ? lines.get(i) : 0;
                throw ProblemException.badRequest("invalid-scenario", "Step " + (i + 1) + " at line " + line + ": " + problem,
                        null).with("line", line).with("step", i + 1);
            }
        }
        return new Parsed(file, lines);
    }

    /**
     * The line of a parse or mapping error: for a mapping error, the line of the deepest part of its
     * path the file has (the field itself, else the object missing it); else the parser's line.
     */
    private static int lineOf(String text, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where != null ? where.getLineNr() : 0;
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return line;
        }
        Map<String, Integer> lines = lineIndex(text);
        List<String> path = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
        }
        for (int n = path.size(); n > 0; n--) {
            Integer found = lines.get(String.join("/", path.subList(0, n)));
            if (found != null) {
                return found;
            }
        }
        return line;
    }

    /** The line of every field and list element of a YAML document, by path ({@code steps/1/action}). */
    private static Map<String, Integer> lineIndex(String text) {
        Map<String, Integer> lines = new HashMap<>();
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        java.util.Deque<int[]> indexes = new java.util.ArrayDeque<>(); // per open container: next list index, or -1
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int lineNr = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    path.addLast(parser.currentName());
                    lines.put(String.join("/", path), lineNr);
                    continue;
                }
                boolean inList = !indexes.isEmpty() && indexes.peekLast()[0] >= 0;
                if (inList && token != JsonToken.END_ARRAY) {
                    path.addLast(Integer.toString(indexes.peekLast()[0]++));
                    lines.put(String.join("/", path), lineNr);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    indexes.addLast(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    indexes.pollLast();
                }
                // a value (or a closed container) ends the element or field that held it
                if (!path.isEmpty()) {
                    path.pollLast();
                }
            }
        } catch (IOException e) {
            return lines;
        }
        return lines;
    }

    /** A checked scenario and the line of each step. */
    public record Parsed(ScenarioFile file, List<Integer> stepLines) {
    }

    private static String problem(Step step) {
        for (String phone : java.util.Arrays.asList(step.recoveryPhone(), step.trustedPhone(), step.number())) {
            try {
                if (phone != null) {
                    PhoneNumbers.toE164(phone);
                }
            } catch (ProblemException e) {
                return phone + " is not a valid phone number (give it with its country code, e.g. +81 90 1234 5678)";
            }
        }
        boolean needsUser = step.action() != Action.ADVANCE_CLOCK && step.action() != Action.SET_PHONE;
        if (needsUser && (step.username() == null || step.username().isBlank())) {
            return step.action().title() + " needs a username";
        }
        return switch (step.action()) {
            case LOGIN -> step.password() == null ? "login needs a password" : null;
            case OIDC_LOGIN -> step.password() == null || step.client() == null ? "oidc-login needs a password and a client" : null;
            case ADVANCE_CLOCK -> {
                try {
                    yield step.by() == null || Duration.parse(step.by()).isNegative() ? "advance-clock needs by, e.g. P1D" : null;
                } catch (DateTimeParseException e) {
                    yield "by is not an ISO-8601 duration such as P1D";
                }
            }
            case SET_PHONE -> step.number() == null || step.state() == null ? "set-phone needs a number and a state" : null;
            case SUSPICIOUS_ACTIVITY -> step.reason() == null ? "suspicious-activity needs a reason" : null;
            case SET_MFA -> step.mode() == null || !step.mode().matches("off|new-device|always")
                    ? "set-mfa needs mode off, new-device or always" : null;
            case START_RECOVERY -> step.recoveryPhone() == null ? "start-recovery needs a recoveryPhone" : null;
            case START_RECOVERY_FORM -> step.contactEmail() == null ? "start-recovery-form needs a contactEmail" : null;
            case SUBMIT_FORM -> step.form() == null ? "submit-form needs the form's answers" : null;
            case COMPLETE_RECOVERY, RECOVER_WITH_KEY -> step.newPassword() == null
                    ? step.action().title() + " needs a newPassword" : null;
            case ESCALATE -> {
                if (step.reason() == null) {
                    yield "escalate needs a reason";
                }
                try {
                    if (step.since() != null) {
                        java.time.Instant.parse(step.since());
                    }
                    yield null;
                } catch (DateTimeParseException e) {
                    yield "since is not an ISO-8601 instant such as 2026-04-01T09:00:00Z";
                }
            }
            default -> null;
        };
    }

    /** Resets the sandbox, sets the scenario up and, if {@code run}, plays its steps. */
    public Report load(Parsed parsed, boolean run) {
        ScenarioFile file = parsed.file();
        resetAll();
        if (file.startsAt() != null) {
            call("POST", config.services().sim() + "/v1/clock", Map.of("set", file.startsAt()), 200, "startsAt");
            awaitClock();
        }
        if (file.recovery() != null) {
            call("PUT", config.services().recovery() + "/v1/admin/recovery/settings", file.recovery(), 200, "recovery");
        }
        if (file.seed() != null) {
            call("PUT", config.services().sim() + "/v1/seed", Map.of("seed", file.seed()), 200, "seed");
        }
        if (file.lockout() != null) {
            call("PUT", config.services().auth() + "/v1/admin/lockout", file.lockout(), 200, "lockout");
        }
        if (file.risk() != null) {
            call("PUT", config.services().auth() + "/v1/admin/risk", file.risk(), 200, "risk");
        }
        Run state = new Run();
        for (ScenarioFile.AccountSpec account : list(file.accounts())) {
            createAccount(account, state);
        }
        for (ScenarioFile.PhoneSpec phone : list(file.phones())) {
            call("PUT", config.services().sim() + "/v1/phones/" + encode(PhoneNumbers.toE164(phone.number())),
                    phone.state() != null ? phone.state() : Map.of(), 200, "phone " + phone.number());
        }
        for (Map<String, Object> fault : list(file.faults())) {
            call("POST", config.services().sim() + "/v1/faults", fault, 201, "fault rule");
        }
        for (Map<String, Object> client : list(file.clients())) {
            registerClient(client, state);
        }
        for (Map<String, Object> fault : list(file.idpFaults())) {
            call("POST", config.services().auth() + "/v1/admin/idp-faults", fault, 201, "identity-provider fault rule");
        }
        state.startedAt = clockNow();
        Current loaded = new Current(parsed, state);
        current = loaded;
        if (run) {
            while (loaded.next < list(file.steps()).size()) {
                step(loaded);
            }
        }
        boolean passed = loaded.played.stream().allMatch(StepReport::met);
        return new Report(file.name(), file.story(), run, passed, list(file.accounts()).size(), List.copyOf(loaded.played));
    }

    /** The scenario loaded last, with the steps played so far (the console steps through it). */
    static final class Current {
        final Parsed parsed;
        final Run state;
        final List<StepReport> played = new ArrayList<>();
        int next;

        Current(Parsed parsed, Run state) {
            this.parsed = parsed;
            this.state = state;
        }
    }

    /** What the console shows of the loaded scenario: its steps, and the reports of those played. */
    public record Progress(String name, String story, List<String> steps, List<StepReport> played, boolean done,
            boolean passed) {
    }

    private volatile Current current;

    /** The loaded scenario's progress; 404 if none was loaded since the service started. */
    public Progress progress() {
        Current loaded = current;
        if (loaded == null) {
            throw ProblemException.notFound("no-scenario-loaded", "No scenario is loaded");
        }
        synchronized (loaded) {
            List<Step> steps = list(loaded.parsed.file().steps());
            return new Progress(loaded.parsed.file().name(), loaded.parsed.file().story(),
                    steps.stream().map(ScenarioService::describe).toList(), List.copyOf(loaded.played),
                    loaded.next >= steps.size(), loaded.played.stream().allMatch(StepReport::met));
        }
    }

    /** Plays the loaded scenario's next step; 409 when every step was played. */
    public StepReport next() {
        Current loaded = current;
        if (loaded == null) {
            throw ProblemException.notFound("no-scenario-loaded", "No scenario is loaded");
        }
        if (loaded.next >= list(loaded.parsed.file().steps()).size()) {
            throw ProblemException.conflict("scenario-finished", "Every step of the scenario was played");
        }
        return step(loaded);
    }

    private StepReport step(Current loaded) {
        synchronized (loaded) {
            int i = loaded.next++;
            int line = i < loaded.parsed.stepLines().size() ? loaded.parsed.stepLines().get(i) : 0;
            StepReport report = play(i + 1, line, loaded.parsed.file().steps().get(i), loaded.state);
            loaded.played.add(report);
            return report;
        }
    }

    /** A step in a few words, e.g. "login yui" or "advance-clock P3D". */
    static String describe(Step step) {
        StringBuilder text = new StringBuilder(step.action().title());
        if (step.username() != null) {
            text.append(' ').append(step.username());
        }
        if (step.by() != null) {
            text.append(' ').append(step.by());
        }
        if (step.mode() != null) {
            text.append(' ').append(step.mode());
        }
        if (step.number() != null) {
            text.append(' ').append(step.number());
        }
        if (step.recoveryPhone() != null) {
            text.append(" via ").append(step.recoveryPhone());
        }
        if (step.contactEmail() != null) {
            text.append(" via ").append(step.contactEmail());
        }
        if (step.ip() != null) {
            text.append(" from ").append(step.ip());
        }
        if (step.device() != null) {
            text.append(" on ").append(step.device());
        }
        return text.toString();
    }

    /** A scenario shipped with the sandbox. */
    public record Shipped(String file, String name, String story) {
    }

    /** The shipped scenarios, as listed in {@code scenarios/index}. */
    public List<Shipped> shipped() {
        List<Shipped> all = new ArrayList<>();
        for (String file : shippedFiles()) {
            ScenarioFile parsed = parse(shippedText(file)).file();
            all.add(new Shipped(file, parsed.name(), parsed.story()));
        }
        return all;
    }

    public static List<String> shippedFiles() {
        return resource("scenarios/index").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** A shipped scenario's text; 404 for any other name. */
    public String shippedText(String file) {
        if (!shippedFiles().contains(file)) {
            throw ProblemException.notFound("scenario-not-found", "No shipped scenario of this name");
        }
        return resource("scenarios/" + file);
    }

    private static String resource(String name) {
        try (var in = ScenarioService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every service (the three others over their admin API, this one directly). */
    public void resetAll() {
        for (String service : List.of(config.services().auth(), config.services().otp(), config.services().recovery())) {
            call("POST", service + "/v1/admin/reset", null, 200, "reset of " + service);
        }
        reset.reset();
    }

    /** What a run remembers between steps, per (lower-case) username. */
    static final class Run {
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

    /**
     * The newest code delivered to a phone or mailbox that no step used yet (waiting up to
     * {@code wait}), or null: a step never takes a code an earlier step took.
     */
    private String freshCode(Run state, String contact, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (contact != null) {
            String code = newestCode(contact);
            if (code != null && !code.equals(state.usedCodes.get(contact))) {
                state.usedCodes.put(contact, code);
                return code;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            sleep(100);
        }
        return null;
    }

    /** Registers an application, replacing one of the same id (clients outlive resets). */
    private void registerClient(Map<String, Object> client, Run state) {
        String clients = config.services().auth() + "/v1/admin/clients";
        Object id = client.get("clientId");
        if (id != null) {
            send("DELETE", clients + "/" + encode(id.toString()), null, lockstep.admin().token());
        }
        JsonNode registered = call("POST", clients, client, 201, "client " + (id != null ? id : "")).body();
        state.clients.put(registered.get("clientId").asText(), registered.path("redirectUris").path(0).asText(null));
    }

    private void createAccount(ScenarioFile.AccountSpec account, Run state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", account.username());
        body.put("password", account.password());
        body.put("phone", account.phone());
        if (account.email() != null) {
            body.put("email", account.email());
        }
        String auth = config.services().auth();
        String id = call("POST", auth + "/v1/admin/accounts", body, 201, "account " + account.username()).body()
                .get("id").asText();
        String path = auth + "/v1/admin/accounts/" + encode(account.username());
        if (account.mfa() != null) {
            call("PUT", path + "/mfa", Map.of("mode", account.mfa(), "reason", "scenario"), 200, "mfa of " + account.username());
        }
        if (account.lockoutPolicy() != null) {
            call("PUT", path + "/lockout-policy", account.lockoutPolicy(), 200, "lockout policy of " + account.username());
        }
        String user = account.username().toLowerCase(java.util.Locale.ROOT);
        state.accountIds.put(user, id);
        state.phones.put(user, PhoneNumbers.toE164(account.phone()));
        String recovery = config.services().recovery() + "/v1/admin/recovery/accounts/" + encode(account.username());
        if (account.profile() != null) {
            call("PUT", recovery + "/profile", account.profile(), 200, "profile of " + account.username());
        }
        for (Map<String, Object> mail : list(account.mail())) {
            call("POST", recovery + "/mail", mail, 201, "mail history of " + account.username());
        }
        awaitPhoneFactor(id, account.username());
        String otp = config.services().otp() + "/v1/admin/accounts/" + id;
        if (account.codePolicies() != null) {
            for (Map.Entry<String, Map<String, Object>> policy : account.codePolicies().entrySet()) {
                call("PUT", otp + "/code-policies/" + encode(policy.getKey()), policy.getValue(), 200,
                        policy.getKey() + " code policy of " + account.username());
            }
        }
        for (String phone : list(account.otherPhones())) {
            call("POST", otp + "/phones", Map.of("phone", phone), 201, "phone " + phone + " of " + account.username());
        }
        if (Boolean.TRUE.equals(account.recoveryCodes())) {
            call("POST", otp + "/recovery-codes", null, 201, "recovery codes of " + account.username());
        }
        for (String device : list(account.devices())) {
            signInFrom(account, device, state);
        }
        if (Boolean.TRUE.equals(account.recoveryKey())) {
            state.recoveryKeys.put(user, call("POST", otp + "/recovery-key", null, 201,
                    "recovery key of " + account.username()).body().get("recoveryKey").asText());
        }
    }

    /** The trusted phone travels to otp-service as an event; the story goes on once it is there (up to 30 s). */
    private void awaitPhoneFactor(String accountId, String username) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Answer factors = send("GET", config.services().otp() + "/v1/internal/accounts/" + accountId + "/factors",
                    null, lockstep.internal().token());
            if (factors.status() == 200 && factors.body().isArray() && !factors.body().isEmpty()) {
                return;
            }
            sleep(100);
        }
        throw new ProblemException(503, "scenario-setup-failed", "The phone of " + username
                + " never reached otp-service", "Is the broker running?");
    }

    /** A sign-in from a device at setup, its code entered and the device trusted (a device the owner knows). */
    private void signInFrom(ScenarioFile.AccountSpec account, String device, Run state) {
        String auth = config.services().auth();
        Answer login = send("POST", auth + "/v1/login", Map.of("username", account.username(), "password",
                account.password(), "deviceId", device), null);
        if (login.status() != 200) {
            throw new ProblemException(422, "scenario-setup-failed", "Setting up the scenario failed at device "
                    + device + " of " + account.username(), "The login answered " + login.status() + ": " + login.body());
        }
        if (!"MFA_REQUIRED".equals(login.body().path("status").asText())) {
            return;
        }
        String code = freshCode(state, PhoneNumbers.toE164(account.phone()), Duration.ofSeconds(15));
        if (code == null) {
            throw new ProblemException(422, "scenario-setup-failed", "No code reached " + account.username()
                    + " to trust device " + device, "Is the broker running?");
        }
        call("POST", auth + "/v1/login/" + login.body().get("challengeId").asText() + "/verify",
                Map.of("code", code, "trustDevice", true), 200, "device " + device + " of " + account.username());
    }

    private StepReport play(int index, int line, Step step, Run state) {
        Map<String, String> challenges = state.challenges;
        Map<String, String> phones = state.phones;
        Map<String, Object> actual = new LinkedHashMap<>();
        String recovery = config.services().recovery();
        String auth = config.services().auth();
        String user = step.username() != null ? step.username().toLowerCase(java.util.Locale.ROOT) : null;
        switch (step.action()) {
            case LOGIN -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("username", step.username());
                body.put("password", step.password());
                if (step.device() != null) {
                    body.put("deviceId", step.device());
                }
                Answer answer = send("POST", auth + "/v1/login", body, null, step.ip());
                actual.put("http", answer.status());
                if (answer.body().hasNonNull("status")) {
                    actual.put("status", answer.body().get("status").asText());
                }
                if (answer.body().hasNonNull("challengeId")) {
                    challenges.put(user, answer.body().get("challengeId").asText());
                }
            }
            case RESEND_CODE -> {
                String challenge = challenges.get(user);
                Answer answer = send("POST", auth + "/v1/login/" + challenge + "/send", null, null);
                actual.put("http", answer.status());
            }
            case ENTER_CODE -> {
                String phone = step.number() != null ? PhoneNumbers.toE164(step.number()) : phones.get(user);
                String code = freshCode(state, phone, step.expect() != null
                        && Boolean.FALSE.equals(step.expect().codeArrives()) ? Duration.ofSeconds(3) : Duration.ofSeconds(15));
                actual.put("codeArrives", code != null);
                if (code != null && challenges.containsKey(user)) {
                    Answer answer = send("POST", auth + "/v1/login/" + challenges.get(user) + "/verify",
                            Map.of("code", code), null);
                    actual.put("http", answer.status());
                }
            }
            case SUSPICIOUS_ACTIVITY -> {
                Answer answer = send("POST", auth + "/v1/admin/accounts/" + encode(step.username()) + "/suspicious-activity",
                        Map.of("reason", step.reason()), lockstep.admin().token());
                actual.put("http", answer.status());
            }
            case ADVANCE_CLOCK -> {
                actual.put("http", send("POST", config.services().sim() + "/v1/clock", Map.of("advance", step.by()),
                        lockstep.admin().token()).status());
                awaitClock();
            }
            case SET_MFA -> actual.put("http", send("PUT", auth + "/v1/admin/accounts/" + encode(step.username()) + "/mfa",
                    Map.of("mode", step.mode(), "reason", step.reason() != null ? step.reason() : "scenario"),
                    lockstep.admin().token()).status());
            case START_RECOVERY -> {
                String recoveryPhone = PhoneNumbers.toE164(step.recoveryPhone());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("username", step.username());
                body.put("trustedPhone", step.trustedPhone() != null ? step.trustedPhone() : phones.get(user));
                body.put("recoveryPhone", recoveryPhone);
                if (step.device() != null) {
                    body.put("deviceId", step.device());
                }
                started(state, user, recoveryPhone, send("POST", recovery + "/v1/recovery/cases", body, null), actual);
            }
            case START_RECOVERY_FORM -> started(state, user, step.contactEmail().trim().toLowerCase(java.util.Locale.ROOT),
                    send("POST", recovery + "/v1/recovery/forms", Map.of("username", step.username(),
                            "contactEmail", step.contactEmail()), null), actual);
            case VERIFY_RECOVERY_CONTACT -> {
                String code = freshCode(state, state.contacts.get(user), Duration.ofSeconds(15));
                actual.put("codeArrives", code != null);
                if (code != null && state.cases.containsKey(user)) {
                    actual.put("http", send("POST", recovery + "/v1/recovery/cases/" + state.cases.get(user)
                            + "/verify-contact", Map.of("code", code), null).status());
                }
            }
            case SUBMIT_FORM -> actual.put("http", send("POST", recovery + "/v1/recovery/cases/" + state.cases.get(user)
                    + "/form", step.form(), null).status());
            case COMPLETE_RECOVERY -> {
                String code = freshCode(state, state.contacts.get(user), Duration.ofSeconds(15));
                actual.put("codeArrives", code != null);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("newPassword", step.newPassword());
                if (code != null) {
                    body.put("code", code);
                }
                actual.put("http", send("POST", recovery + "/v1/recovery/cases/" + state.cases.get(user) + "/complete",
                        body, null).status());
            }
            case RECOVER_WITH_KEY -> {
                String key = step.recoveryKey() != null ? step.recoveryKey() : state.recoveryKeys.getOrDefault(user, "RK-NONE");
                Answer answer = send("POST", recovery + "/v1/recovery/recovery-key", Map.of("username", step.username(),
                        "recoveryKey", key, "newPassword", step.newPassword()), null);
                actual.put("http", answer.status());
                if (answer.body().hasNonNull("caseId")) {
                    state.cases.put(user, answer.body().get("caseId").asText());
                }
            }
            case ESCALATE -> {
                Answer answer = send("POST", recovery + "/v1/admin/recovery/escalations", Map.of("username",
                        step.username(), "since", step.since() != null ? step.since() : state.startedAt,
                        "identityCheck", "scenario: " + step.reason(), "reason", step.reason()), lockstep.admin().token());
                actual.put("http", answer.status());
                if (answer.body().hasNonNull("caseId")) {
                    state.cases.put(user, answer.body().get("caseId").asText());
                }
            }
            case CHECK_RECOVERY -> {
                String want = step.expect() != null ? step.expect().caseStatus() : null;
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                String status = caseStatus(state, user);
                while (want != null && !want.equals(status) && System.nanoTime() < deadline) {
                    sleep(100);
                    status = caseStatus(state, user);
                }
                actual.put("caseStatus", status);
            }
            case SET_PHONE -> actual.put("http", send("PUT", config.services().sim() + "/v1/phones/"
                    + encode(PhoneNumbers.toE164(step.number())), step.state(), lockstep.admin().token()).status());
            case OIDC_LOGIN -> {
                String redirect = state.clients.get(step.client());
                OidcLoginPlayer.Outcome outcome = oidcLogin(new OidcLoginPlayer.Request(auth, step.client(), redirect,
                        step.username(), step.password(), step.acr(), step.ip()), state, phones.get(user), step.expect());
                actual.put("status", outcome.status());
                if (outcome.acr() != null) {
                    actual.put("acr", outcome.acr());
                    actual.put("amr", outcome.amr());
                }
                if (outcome.detail() != null) {
                    actual.put("detail", outcome.detail());
                }
            }
            case CHECK_ACCOUNT -> {
                Answer answer = send("GET", auth + "/v1/admin/accounts/" + encode(step.username()), null,
                        lockstep.admin().token());
                actual.put("http", answer.status());
                actual.put("accountStatus", answer.body().path("status").asText(null));
                actual.put("lockReason", answer.body().path("lockReason").asText(null));
                List<String> signals = new ArrayList<>();
                answer.body().path("recentAttempts").path(0).path("signals").forEach(s -> signals.add(s.asText()));
                actual.put("signals", signals);
                actual.put("sessions", send("GET", auth + "/v1/admin/accounts/" + encode(step.username()) + "/sessions",
                        null, lockstep.admin().token()).body().size());
            }
        }
        if (step.expect() != null && step.expect().caseStatus() != null && !actual.containsKey("caseStatus")) {
            actual.put("caseStatus", caseStatus(state, user));
        }
        if (step.action() != Action.CHECK_ACCOUNT && step.expect() != null
                && (step.expect().accountStatus() != null || step.expect().lockReason() != null)) {
            Answer account = send("GET", auth + "/v1/admin/accounts/" + encode(step.username()), null,
                    lockstep.admin().token());
            actual.put("accountStatus", account.body().path("status").asText(null));
            actual.put("lockReason", account.body().path("lockReason").asText(null));
        }
        Map<String, Object> expected = expected(step.expect());
        return new StepReport(index, line, step.action().title(), met(expected, actual), expected, actual);
    }

    private static Map<String, Object> expected(Expect expect) {
        Map<String, Object> expected = new LinkedHashMap<>();
        if (expect == null) {
            return expected;
        }
        if (expect.http() != null) {
            expected.put("http", expect.http());
        }
        if (expect.status() != null) {
            expected.put("status", expect.status());
        }
        if (expect.codeArrives() != null) {
            expected.put("codeArrives", expect.codeArrives());
        }
        if (expect.accountStatus() != null) {
            expected.put("accountStatus", expect.accountStatus());
        }
        if (expect.lockReason() != null) {
            expected.put("lockReason", expect.lockReason());
        }
        if (expect.signals() != null) {
            expected.put("signals", expect.signals());
        }
        if (expect.sessions() != null) {
            expected.put("sessions", expect.sessions());
        }
        if (expect.caseStatus() != null) {
            expected.put("caseStatus", expect.caseStatus());
        }
        if (expect.acr() != null) {
            expected.put("acr", expect.acr());
        }
        return expected;
    }

    private static boolean met(Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> want : expected.entrySet()) {
            Object got = actual.get(want.getKey());
            if ("signals".equals(want.getKey())) {
                if (!(got instanceof List<?> list) || !list.containsAll((List<?>) want.getValue())) {
                    return false;
                }
            } else if (!Objects.equals(want.getValue(), got)) {
                return false;
            }
        }
        return true;
    }

    /** A recovery case was opened (or refused): remember it and where its codes go. */
    private static void started(Run state, String user, String contact, Answer answer, Map<String, Object> actual) {
        actual.put("http", answer.status());
        if (answer.body().hasNonNull("caseId")) {
            state.cases.put(user, answer.body().get("caseId").asText());
            state.contacts.put(user, contact);
        }
    }

    /** The status of the account's latest case in this run, as operators see it. */
    private String caseStatus(Run state, String user) {
        String caseId = state.cases.get(user);
        if (caseId == null) {
            return null;
        }
        return send("GET", config.services().recovery() + "/v1/admin/recovery/cases/" + caseId, null,
                lockstep.admin().token()).body().path("status").asText(null);
    }

    private String clockNow() {
        return send("GET", config.services().sim() + "/v1/clock", null, null).body().path("now").asText();
    }

    /** Waits (up to 10 s) until the other services follow the sandbox clock's latest change. */
    private void awaitClock() {
        long revision = send("GET", config.services().sim() + "/v1/clock", null, null).body().path("revision").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (String service : List.of(config.services().auth(), config.services().otp(), config.services().recovery())) {
            while (send("GET", service + "/v1/clock", null, null).body().path("revision").asLong() < revision
                    && System.nanoTime() < deadline) {
                sleep(50);
            }
        }
    }

    /** The newest code delivered to a phone or mailbox, or null. */
    private static String newestCode(String address) {
        return QuarkusTransaction.requiringNew().call(() -> Message.<Message>find(
                "address = ?1 and status = 'delivered' and code is not null order by arrival desc", address)
                .firstResultOptional().map(m -> m.code).orElse(null));
    }

    /** An answer of one of the services. */
    private OidcLoginPlayer.Outcome oidcLogin(OidcLoginPlayer.Request request, Run state, String phone, Expect expect) {
        Duration wait = expect != null && "NO_CODE".equals(expect.status()) ? Duration.ofSeconds(3) : Duration.ofSeconds(15);
        try {
            return OidcLoginPlayer.play(request, () -> freshCode(state, phone, wait));
        } catch (IOException e) {
            throw new ProblemException(503, "scenario-setup-failed", "auth-service did not answer", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String url, Object body, int expected, String what) {
        Answer answer = send(method, url, body, lockstep.admin().token());
        if (answer.status() != expected) {
            throw new ProblemException(422, "scenario-setup-failed", "Setting up the scenario failed at " + what,
                    "The service answered " + answer.status() + ": " + answer.body()).with("status", answer.status());
        }
        return answer;
    }

    private Answer send(String method, String url, Object body, String bearer) {
        return send(method, url, body, bearer, null);
    }

    private Answer send(String method, String url, Object body, String bearer, String forwardedFor) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("X-Lockstep-Operator", "scenario")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new ProblemException(503, "scenario-setup-failed", "A service did not answer",
                    method + " " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> list(List<T> items) {
        return items != null ? items : List.of();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

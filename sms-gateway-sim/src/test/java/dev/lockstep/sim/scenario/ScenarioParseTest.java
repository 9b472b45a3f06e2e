package dev.lockstep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockstep.platform.problem.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario files are checked whole before anything changes, and every error names its line. */
class ScenarioParseTest {

    private final ScenarioParser scenarios = new ScenarioParser();

    private int lineOfError(String yaml) {
        ProblemException e = assertThrows(ProblemException.class, () -> scenarios.parse(yaml));
        assertEquals(400, e.status());
        assertEquals("invalid-scenario", e.slug());
        return ((Number) e.toProblem(null).extensions().get("line")).intValue();
    }

    @Test
    void theShippedS0StoryParsesWithTheLineOfEachStep() throws IOException {
        ScenarioParser.Parsed parsed = scenarios.parse(Files.readString(
                Path.of("src/main/resources/scenarios/s0-locked-and-no-code.yaml")));
        assertEquals("s0-locked-and-no-code", parsed.file().name());
        assertEquals(8, parsed.file().steps().size());
        assertEquals(8, parsed.stepLines().size());
        assertEquals(ScenarioFile.Action.SUSPICIOUS_ACTIVITY, parsed.file().steps().get(2).action());
        assertEquals(true, parsed.file().accounts().get(0).recoveryKey());
    }

    @Test
    void everyShippedStoryParses() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/scenarios"))) {
            List<Path> shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(
                    List.of("happy-path.yaml", "idp-outage.yaml", "s0-locked-and-no-code.yaml", "s1-cannot-receive-codes.yaml",
                            "s2-someone-used-my-account.yaml", "s3-new-pc-no-sms-abroad.yaml",
                            "s4-suspicious-activity-recovery-form.yaml"),
                    shipped.stream().map(p -> p.getFileName().toString()).toList());
            assertEquals(shipped.stream().map(p -> p.getFileName().toString()).toList(), ShippedScenarios.files(),
                    "scenarios/index lists every shipped file");
            for (Path file : shipped) {
                ScenarioParser.Parsed parsed = scenarios.parse(Files.readString(file));
                assertEquals(file.getFileName().toString(), parsed.file().name() + ".yaml");
                assertEquals(parsed.file().steps().size(), parsed.stepLines().size());
            }
        }
    }

    @Test
    void recoveryStepsNeedWhatTheyUse() {
        assertEquals(6, lineOfError("name: x\nsteps:\n  - action: set-mfa\n    username: a\n    mode: \"off\"\n"
                + "  - action: start-recovery\n    username: a\n"), "start-recovery without a recoveryPhone");
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: set-mfa\n    username: a\n    mode: sometimes\n"));
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: submit-form\n    username: a\n"));
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: escalate\n    username: a\n    reason: r\n"
                + "    since: yesterday\n"));
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: complete-recovery\n    username: a\n"));
        assertEquals(2, lineOfError("name: x\nrecovery: 5\n"));
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: start-recovery\n    username: a\n"
                + "    recoveryPhone: \"12\"\n"), "a bad number names its step's line");
    }

    @Test
    void anOidcLoginNeedsAPasswordAndOneOfTheScenariosClients() {
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: oidc-login\n    username: a\n    password: p\n"),
                "no client");
        assertEquals(5, lineOfError("name: x\nclients:\n  - clientId: shop\nsteps:\n  - action: oidc-login\n"
                + "    username: a\n    password: p\n    client: other\n"), "a client the file does not register");
        assertEquals(5, lineOfError("name: x\nclients:\n  - clientId: shop\nsteps:\n  - action: oidc-login\n"
                + "    username: a\n    client: shop\n"), "no password");
    }

    @Test
    void unknownFieldsUnknownActionsWrongTypesAndIncompleteStepsNameTheirLine() {
        assertEquals(5, lineOfError("name: x\naccounts:\n  - username: bob\n    password: a long password\n    colour: blue\n"
                + "    phone: \"+819011112222\"\n"));
        assertEquals(3, lineOfError("name: x\naccounts:\n  - username: bob\n    phone: \"+819011112222\"\n"),
                "a missing field: the object that lacks it");
        assertEquals(4, lineOfError("name: x\nsteps:\n  - action: login\n  - action: dance\n"));
        assertEquals(2, lineOfError("name: x\nseed: [1, 2]\n"));
        assertEquals(5, lineOfError("name: x\nsteps:\n  - action: check-account\n    username: a\n  - action: advance-clock\n"
                + "    by: tomorrow\n"));
        assertEquals(3, lineOfError("name: x\nsteps:\n  - action: login\n    username: bob\n"));
    }

    @Test
    void invalidPhoneNumbersAndEmptyFilesAreRefusedBeforeAnythingChanges() {
        ProblemException phone = assertThrows(ProblemException.class, () -> scenarios.parse(
                "name: x\naccounts:\n  - username: bob\n    password: a long password\n    phone: \"12\"\n"));
        assertEquals(400, phone.status());
        for (String empty : List.of("", "   \n", "# only a comment\n")) {
            assertEquals(400, assertThrows(ProblemException.class, () -> scenarios.parse(empty)).status());
        }
    }

    @Test
    void seededCodesNeedASeed() {
        ProblemException e = assertThrows(ProblemException.class, () -> scenarios.parse("name: x\nseededCodes: true\n"));
        assertEquals(400, e.status());
        assertEquals("invalid-scenario", e.slug());
        assertEquals(true, scenarios.parse("name: x\nseed: 7\nseededCodes: true\nfrozenClock: true\n").file().seededCodes());
    }
}

package dev.lockstep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lockstep.platform.problem.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Scenario files written to hurt: an alias bomb ("billion laughs"), nesting thousands deep, YAML
 * tags that name Java classes, and anchors reused as steps. Each is refused as an invalid scenario
 * (a 400 problem) at once, before anything changes; none runs code or grows without bound. (Files
 * over 16 KiB never reach the parser: {@code SimulatorApiTest} gets the 413.)
 */
class HostileScenarioTest {

    private final ScenarioParser scenarios = new ScenarioParser();

    private void refused(String yaml) {
        ProblemException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ProblemException.class, () -> scenarios.parse(yaml)));
        assertEquals(400, e.status());
        assertEquals("invalid-scenario", e.slug());
    }

    @Test
    void anAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder yaml = new StringBuilder(
                "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j > 0 ? "," : "").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("name: bomb\nsteps: *a9\n");
        refused(yaml.toString());
    }

    @Test
    void nestingThousandsDeepIsRefused() {
        refused("name: deep\nsteps: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        refused("name: deep\nseed: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000) + "\n");
    }

    @Test
    void yamlTagsNamingJavaClassesInstantiateNothing() {
        refused("name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://127.0.0.1:1/\"]]]]\n");
        refused("name: tags\nsteps:\n  - !!java.io.FileInputStream [\"/etc/passwd\"]\n");
    }
}

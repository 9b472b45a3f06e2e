package dev.lockstep.sim.scenario;

import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The scenarios shipped with the sandbox ({@code scenarios/}, listed in order in {@code scenarios/index}). */
@ApplicationScoped
public class ShippedScenarios {

    private final ScenarioParser parser;

    public ShippedScenarios(ScenarioParser parser) {
        this.parser = parser;
    }

    /** A scenario shipped with the sandbox. */
    public record Shipped(String file, String name, String story) {
    }

    /** The shipped scenarios, as listed in {@code scenarios/index}. */
    public List<Shipped> shipped() {
        List<Shipped> all = new ArrayList<>();
        for (String file : files()) {
            ScenarioFile parsed = parser.parse(text(file)).file();
            all.add(new Shipped(file, parsed.name(), parsed.story()));
        }
        return all;
    }

    public static List<String> files() {
        return resource("scenarios/index").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** A shipped scenario's text; 404 for any other name. */
    public String text(String file) {
        if (!files().contains(file)) {
            throw ProblemException.notFound("scenario-not-found", "No shipped scenario of this name");
        }
        return resource("scenarios/" + file);
    }

    private static String resource(String name) {
        try (var in = ShippedScenarios.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.lockstep.sim.scenario;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scenario files: one call resets the sandbox, sets a story's starting state up and plays its steps. */
@Path("/v1")
@AdminApi
@Tag(name = "Scenarios")
public class ScenarioResource {

    private final ScenarioParser parser;

    private final ScenarioService scenarios;

    private final ShippedScenarios shippedScenarios;

    private final ScenarioSession session;

    private final SandboxWideReset sandboxReset;

    @POST
    @Path("/scenarios")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
    @Operation(summary = "Load a scenario (YAML): checked first (a bad one changes nothing; the error names its line), "
            + "then the sandbox is reset, the starting state set up and the steps played with a report of each")
    public ScenarioService.Report load(String yaml,
            @Parameter(description = "false: set the starting state up only") @QueryParam("run") @DefaultValue("true") boolean run) {
        ScenarioParser.Parsed parsed = parser.parse(yaml);
        return scenarios.load(parsed, run);
    }

    @GET
    @Path("/scenarios")
    @Operation(summary = "The scenarios shipped with the sandbox: file, name and story")
    public List<ShippedScenarios.Shipped> shipped() {
        return shippedScenarios.shipped();
    }

    @GET
    @Path("/scenarios/{file}")
    @Produces("application/yaml")
    @Operation(summary = "A shipped scenario's file")
    public String shippedFile(@PathParam("file") String file) {
        return shippedScenarios.text(file);
    }

    @POST
    @Path("/scenarios/{file}/load")
    @Operation(summary = "Load a shipped scenario: the starting state is set up, its steps wait to be played one by one")
    public ScenarioSession.Progress loadShipped(@PathParam("file") String file) {
        scenarios.load(parser.parse(shippedScenarios.text(file)), false);
        return session.progress();
    }

    @GET
    @Path("/scenario")
    @Operation(summary = "The scenario loaded last: its steps and the reports of those played")
    public ScenarioSession.Progress progress() {
        return session.progress();
    }

    @POST
    @Path("/scenario/next")
    @Operation(summary = "Play the loaded scenario's next step and report it; 409 once every step was played")
    public StepReport next() {
        return session.next();
    }

    private final DemoFixtures demo;

    public ScenarioResource(ScenarioParser parser, ScenarioService scenarios, ShippedScenarios shippedScenarios,
            ScenarioSession session, SandboxWideReset sandboxReset, DemoFixtures demo) {
        this.parser = parser;
        this.scenarios = scenarios;
        this.shippedScenarios = shippedScenarios;
        this.session = session;
        this.sandboxReset = sandboxReset;
        this.demo = demo;
    }

    @POST
    @Path("/sandbox/reset")
    @Operation(summary = "Empty all four services: accounts, factors, codes, phones, messages, fault rules "
            + "(the clock, the seed, the keys and the applications stay), then make the demo account again "
            + "where the sandbox has one, unless keepDemo=false")
    public Response reset(
            @Parameter(description = "false: leave the sandbox empty, without the demo account") @QueryParam("keepDemo") @DefaultValue("true") String keepDemo) {
        sandboxReset.resetAll(flag("keepDemo", keepDemo));
        return Response.noContent().build();
    }

    @POST
    @Path("/sandbox/demo")
    @Operation(summary = "Register the demo client and make the demo account (password and trusted phone) unless they "
            + "exist, and answer them once the account's phone is a usable factor; account is null where the sandbox "
            + "runs without one (./lockstep up --empty)")
    public DemoFixtures.Demo restoreDemo() {
        return demo.restore();
    }

    private static boolean flag(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("invalid-query", "Invalid " + name,
                    name + " is true or false");
        };
    }
}

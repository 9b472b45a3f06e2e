package dev.lockstep.sim.rest;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.domain.Message;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log across every phone: where each message went and how it ended. */
@Path("/v1/messages")
@Tag(name = "Virtual phones")
public class MessageLogResource {

    @GET
    @Operation(summary = "Every message the network handled, newest first")
    public List<MessageView> log(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-query", "limit must be between 1 and 1000", null);
        }
        return Message.<Message>find("order by seq desc").page(0, limit).list().stream().map(MessageView::of).toList();
    }
}

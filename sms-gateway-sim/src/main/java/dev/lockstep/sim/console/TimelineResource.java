package dev.lockstep.sim.console;

import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The timeline of every topic's events (no message texts), as JSON or as server-sent events. */
@Path("/v1/timeline")
@Tag(name = "Console")
public class TimelineResource {

    private final Timeline timeline;

    public TimelineResource(Timeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @Operation(summary = "The latest 500 events of every topic, oldest first; one correlation id's if given")
    public List<Timeline.Entry> recent(
            @QueryParam("correlationId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String correlationId) {
        return timeline.recent(correlationId);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "New events as server-sent events (one JSON entry each)")
    public Multi<Timeline.Entry> stream() {
        return timeline.stream();
    }
}

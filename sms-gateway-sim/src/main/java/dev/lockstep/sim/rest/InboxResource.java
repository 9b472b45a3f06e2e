package dev.lockstep.sim.rest;

import dev.lockstep.platform.phone.PhoneNumbers;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A virtual phone's inbox: what the handset shows, SMS and voice messages alike. Reading it needs no
 * credentials, like Mailpit's inbox: this is the one place a code is meant to be read.
 */
@Path("/v1/phones/{e164}/messages")
@Tag(name = "Inboxes")
public class InboxResource {

    private final Inboxes inboxes;

    public InboxResource(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @GET
    @Operation(summary = "Messages that reached the phone, newest first (the delivery log has the rest)")
    public List<MessageView> list(
            @PathParam("e164") @Parameter(description = "E.164 number, e.g. +819012345678") String e164,
            @QueryParam("channel") @Parameter(description = "only this channel: sms or voice") String channel,
            @QueryParam("since") @Parameter(description = "only messages accepted at or after this instant") String since,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return inboxes.list(PhoneNumbers.toE164(e164), channel, since, limit);
    }

    @GET
    @Path("/next")
    @Blocking
    @Operation(summary = "Wait for the next message to the phone (long poll); 204 when none came in time")
    public Uni<Response> next(
            @PathParam("e164") String e164,
            @QueryParam("timeout") @DefaultValue("PT30S") @Parameter(description = "ISO-8601 duration, at most PT60S") String timeout,
            @QueryParam("after") @Parameter(description = "id of a message already seen; a newer one returns at once") String after) {
        return inboxes.next(PhoneNumbers.toE164(e164), timeout, after);
    }
}

package dev.lockstep.sim.rest;

import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.service.Addresses;
import dev.lockstep.sim.service.DeliveryService;
import dev.lockstep.sim.service.StatusStream;
import io.quarkus.panache.common.Parameters;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The delivery log across every phone and mailbox (where each message went and how it ended), a live
 * stream of its receipts, and a way in for messages that do not come from the IdP.
 */
@Path("/v1/messages")
@Tag(name = "Delivery log")
public class MessageLogResource {

    private static final Pattern STATUSES = Pattern.compile("queued|sent|delivered|undelivered|failed");
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final DeliveryService delivery;

    private final StatusStream statusStream;

    public MessageLogResource(DeliveryService delivery, StatusStream statusStream) {
        this.delivery = delivery;
        this.statusStream = statusStream;
    }

    @GET
    @Operation(summary = "Every message the network handled, newest first, with status, error code and deciding rule")
    public List<MessageView> log(
            @QueryParam("to") @Parameter(description = "only messages to this number or email address") String to,
            @QueryParam("status") @Parameter(description = "only messages with this status, e.g. undelivered") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("invalid-query", "limit must be between 1 and 1000", null);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (to != null) {
            query.append(" and address = :address");
            params.and("address", Addresses.any(to));
        }
        if (status != null) {
            if (!STATUSES.matcher(status).matches()) {
                throw ProblemException.badRequest("invalid-query",
                        "status must be queued, sent, delivered, undelivered or failed", null);
            }
            query.append(" and status = :status");
            params.and("status", status);
        }
        return Message.<Message> find(query + " order by seq desc", params).page(0, limit).list()
                .stream().map(MessageView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message of the delivery log")
    public MessageView get(@PathParam("id") String id) {
        Message message = Message.<Message> find("id", id).firstResult();
        if (message == null) {
            throw ProblemException.notFound("message-not-found", "No such message");
        }
        return MessageView.of(message);
    }

    @POST
    @AdminApi
    @Transactional
    @Operation(summary = "Send a message through the simulated network, as an application's SMS or email API would; "
            + "the answer shows how it ended (a held message is still sent)")
    public Response send(@Valid @NotNull SendRequest request,
            @HeaderParam("X-Correlation-Id") @Parameter(description = "carried into the receipts; one is made if absent") String correlationId) {
        if (correlationId != null && !CORRELATION_ID.matcher(correlationId).matches()) {
            throw ProblemException.badRequest("invalid-request", "X-Correlation-Id must be 1 to 64 letters, digits or ._:-",
                    null);
        }
        String channel = request.channel() != null ? request.channel() : "sms";
        String address = Addresses.normalise(channel, request.to());
        String id = UUID.randomUUID().toString();
        OutboundMessage outbound = new OutboundMessage(id, address, channel,
                request.from() != null ? request.from() : "Lockstep", request.text(),
                request.kind() != null ? request.kind() : "alert", null);
        Message message = delivery.accept(outbound, address, correlationId != null ? correlationId : id);
        return Response.created(URI.create("/v1/messages/" + id)).entity(MessageView.of(message))
                .header("Server-Timing", String.format(Locale.ROOT, "rules;dur=%.3f;desc=\"fault rule evaluation\"",
                        message.ruleEvaluationNanos / 1e6))
                .build();
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Delivery receipts as they happen (server-sent events named status)")
    public void events(@Context SseEventSink sink, @Context Sse sse,
            @QueryParam("to") @Parameter(description = "only receipts for this number or email address") String to) {
        String address = to == null ? null : Addresses.any(to);
        statusStream.subscribe(sink, sse, address);
    }
}

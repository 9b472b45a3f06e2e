package dev.lockstep.sim.rest;

import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.config.SimConfig;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.service.InboxWatch;
import io.quarkus.panache.common.Parameters;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A virtual phone's inbox: what the handset shows. Reading it needs no credentials, like Mailpit's
 * inbox: this is the one place a code is meant to be read.
 */
@Path("/v1/phones/{e164}/messages")
@Tag(name = "Virtual phones")
public class InboxResource {

    @Inject
    InboxWatch watch;

    @Inject
    SimConfig config;

    @GET
    @Operation(summary = "Messages that reached the phone, newest first (the delivery log has the rest)")
    public List<MessageView> list(
            @PathParam("e164") @Parameter(description = "E.164 number, e.g. +819012345678") String e164,
            @QueryParam("channel") @Parameter(description = "only this channel, e.g. sms") String channel,
            @QueryParam("since") @Parameter(description = "only messages accepted at or after this instant") String since,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        String phone = PhoneNumbers.toE164(e164);
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("invalid-query", "limit must be between 1 and 500", null);
        }
        StringBuilder query = new StringBuilder("phone = :phone and status = 'delivered'");
        Parameters params = Parameters.with("phone", phone);
        if (channel != null) {
            query.append(" and channel = :channel");
            params.and("channel", channel);
        }
        if (since != null) {
            query.append(" and acceptedAt >= :since");
            params.and("since", instant(since));
        }
        return Message.<Message>find(query + " order by seq desc", params).page(0, limit).list()
                .stream().map(MessageView::of).toList();
    }

    @GET
    @Path("/next")
    @Blocking
    @Operation(summary = "Wait for the next message to the phone (long poll); 204 when none came in time")
    public Uni<Response> next(
            @PathParam("e164") String e164,
            @QueryParam("timeout") @DefaultValue("PT30S") @Parameter(description = "ISO-8601 duration, at most PT60S") String timeout,
            @QueryParam("after") @Parameter(description = "id of a message already seen; a newer one returns at once") String after) {
        String phone = PhoneNumbers.toE164(e164);
        Duration wait = duration(timeout);
        CompletableFuture<MessageView> next = watch.next(phone);
        if (after != null) {
            Message seen = Message.<Message>find("id", after).firstResult();
            if (seen == null || !seen.phone.equals(phone)) {
                next.cancel(false);
                throw ProblemException.notFound("message-not-found", "No such message on this phone");
            }
            Message newer = Message.<Message>find("phone = ?1 and seq > ?2 and status = 'delivered' order by seq",
                    phone, seen.seq).firstResult();
            if (newer != null) {
                next.cancel(false);
                return Uni.createFrom().item(Response.ok(MessageView.of(newer)).build());
            }
        }
        return Uni.createFrom().completionStage(next)
                .ifNoItem().after(wait).recoverWithItem(() -> null)
                .map(m -> m == null ? Response.noContent().build() : Response.ok(m).build())
                .onTermination().invoke(() -> next.cancel(false));
    }

    private Duration duration(String text) {
        try {
            Duration wait = Duration.parse(text);
            if (wait.isNegative() || wait.compareTo(config.maxWait()) > 0) {
                throw ProblemException.badRequest("invalid-query", "timeout must be between PT0S and " + config.maxWait(), null);
            }
            return wait;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-query", "timeout is not an ISO-8601 duration", "e.g. PT30S");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-query", "since is not an ISO-8601 instant",
                    "e.g. 2026-11-21T10:00:00Z");
        }
    }
}

package dev.lockstep.sim.rest;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.config.SimConfig;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.service.InboxWatch;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The one inbox API behind phones and mailboxes: list what arrived, wait for what comes next. */
@ApplicationScoped
public class Inboxes {

    private final InboxWatch watch;

    private final SimConfig config;

    public Inboxes(InboxWatch watch, SimConfig config) {
        this.watch = watch;
        this.config = config;
    }

    /** Messages that reached the address, newest first. */
    public List<MessageView> list(String address, String channel, String since, int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("invalid-query", "limit must be between 1 and 500", null);
        }
        StringBuilder query = new StringBuilder("address = :address and status = 'delivered'");
        Parameters params = Parameters.with("address", address);
        if (channel != null) {
            query.append(" and channel = :channel");
            params.and("channel", channel);
        }
        if (since != null) {
            query.append(" and acceptedAt >= :since");
            params.and("since", instant(since));
        }
        return Message.<Message> find(query + " order by arrival desc", params).page(0, limit).list()
                .stream().map(MessageView::of).toList();
    }

    /** The next message to reach the address (200), or 204 when none came within {@code timeout}. */
    public Uni<Response> next(String address, String timeout, String after) {
        Duration wait = duration(timeout);
        CompletableFuture<Message> next = watch.next(address);
        if (after != null) {
            Message seen = Message.<Message> find("id", after).firstResult();
            if (seen == null || !seen.address.equals(address)) {
                next.cancel(false);
                throw ProblemException.notFound("message-not-found", "No such message at this address");
            }
            Message newer = seen.arrival != null
                    ? Message.<Message> find("address = ?1 and arrival > ?2 and status = 'delivered' order by arrival",
                            address, seen.arrival).firstResult()
                    : Message.<Message> find("address = ?1 and seq > ?2 and status = 'delivered' order by arrival",
                            address, seen.seq).firstResult();
            if (newer != null) {
                next.cancel(false);
                return Uni.createFrom().item(Response.ok(MessageView.of(newer)).build());
            }
        }
        return Uni.createFrom().completionStage(next)
                .ifNoItem().after(wait).recoverWithItem(() -> null)
                .map(m -> m == null ? Response.noContent().build() : Response.ok(MessageView.of(m)).build())
                .onTermination().invoke(() -> next.cancel(false));
    }

    private Duration duration(String text) {
        try {
            Duration wait = Duration.parse(text);
            if (wait.isNegative() || wait.compareTo(config.maxWait()) > 0) {
                throw ProblemException.badRequest("invalid-query", "timeout must be between PT0S and " + config.maxWait(),
                        null);
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

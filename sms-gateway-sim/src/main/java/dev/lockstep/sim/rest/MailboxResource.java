package dev.lockstep.sim.rest;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.sim.domain.Mailbox;
import dev.lockstep.sim.service.Addresses;
import dev.lockstep.sim.service.MailboxService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Virtual email mailboxes: their state, and their inbox through the same API as a phone's. */
@Path("/v1/mailboxes/{address}")
@Tag(name = "Inboxes")
public class MailboxResource {

    private final Inboxes inboxes;

    private final MailboxService mailboxes;

    public MailboxResource(Inboxes inboxes, MailboxService mailboxes) {
        this.inboxes = inboxes;
        this.mailboxes = mailboxes;
    }

    /** {@code PUT} body: a field left out takes its default (the mailbox exists, holds 1000 messages). */
    public record MailboxState(Boolean active, @Min(0) @Max(100_000) Integer inboxCapacity) {
    }

    public record MailboxView(String address, boolean active, int inboxCapacity, Instant createdAt) {

        static MailboxView of(Mailbox m) {
            return new MailboxView(m.address, m.active, m.inboxCapacity, m.createdAt);
        }
    }

    @GET
    @Operation(summary = "The mailbox's state (it exists once mail reached it or it was set)")
    public MailboxView get(@PathParam("address") String address) {
        Mailbox mailbox = Mailbox.findById(Addresses.email(address));
        if (mailbox == null) {
            throw ProblemException.notFound("mailbox-not-found", "No virtual mailbox with this address yet");
        }
        return MailboxView.of(mailbox);
    }

    @PUT
    @AdminApi
    @Operation(summary = "Set the mailbox's state: active false makes mail bounce (550), a small capacity fills it (552)")
    public MailboxView put(@PathParam("address") String address, @Valid @NotNull MailboxState state) {
        return MailboxView.of(mailboxes.put(Addresses.email(address), state.active(), state.inboxCapacity()));
    }

    @GET
    @Path("/messages")
    @Operation(summary = "Mail that reached the mailbox, newest first")
    public List<MessageView> list(@PathParam("address") String address, @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return inboxes.list(Addresses.email(address), null, since, limit);
    }

    @GET
    @Path("/messages/next")
    @Blocking
    @Operation(summary = "Wait for the next mail to the mailbox (long poll); 204 when none came in time")
    public Uni<Response> next(@PathParam("address") String address,
            @QueryParam("timeout") @DefaultValue("PT30S") String timeout, @QueryParam("after") String after) {
        return inboxes.next(Addresses.email(address), timeout, after);
    }
}

package dev.lockstep.recovery.rest;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.rest.RecoveryRequests.OwnerView;
import dev.lockstep.recovery.service.FormRecovery;
import dev.lockstep.recovery.service.FormScoring;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** S4, for an owner with nothing left: a contact email, then a form whose verdict comes later by email. */
@Path("/v1/recovery")
@Tag(name = "Recovery (owner)")
public class RecoveryFormResource {

    private final FormRecovery forms;

    private final SandboxClock clock;

    public RecoveryFormResource(FormRecovery forms, SandboxClock clock) {
        this.forms = forms;
        this.clock = clock;
    }

    @POST
    @Path("/forms")
    @Operation(summary = "S4: start a recovery form with a contact email other than the account's (it gets a code)")
    public Response startForm(@Valid @NotNull RecoveryRequests.StartForm request) {
        return OwnerViews.created(clock, forms.start(request.username(), request.contactEmail()), null);
    }

    @POST
    @Path("/cases/{caseId}/form")
    @Operation(summary = "Submit the form; the verdict comes by email after the configured delay; a 429 past lockstep.recovery.form.max-per-day")
    public Response submitForm(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Form form) {
        FormSubmission submitted = forms.submit(caseId, new FormScoring.Answers(form.name(), form.dateOfBirth(),
                form.country(), form.region(), form.postalCode(), form.previousPasswords(), form.products(),
                form.recentRecipients(), form.subjects(), form.cardHolder(), form.cardLast4(), form.cardExpiry()));
        return Response.accepted(new OwnerView(caseId, "form", "SUBMITTED", null, submitted.verdictDueAt, null)).build();
    }
}

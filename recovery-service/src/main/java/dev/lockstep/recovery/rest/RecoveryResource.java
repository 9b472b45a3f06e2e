package dev.lockstep.recovery.rest;

import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.web.TrustedProxies;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.rest.RecoveryRequests.OwnerView;
import dev.lockstep.recovery.service.Cases;
import dev.lockstep.recovery.service.Completion;
import dev.lockstep.recovery.service.ContactVerification;
import dev.lockstep.recovery.service.FormRecovery;
import dev.lockstep.recovery.service.FormScoring;
import dev.lockstep.recovery.service.RecoveryKeyRecovery;
import dev.lockstep.recovery.service.TrustedPhoneRecovery;
import dev.lockstep.recovery.service.WaitingPeriodRecovery;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The owner's recovery API (no token: the owner cannot sign in). A case id is the owner's handle on
 * a case; what it shows is what a real provider shows.
 */
@Path("/v1/recovery")
@Tag(name = "Recovery (owner)")
public class RecoveryResource {

    private final Cases cases;

    private final WaitingPeriodRecovery waitingPeriod;

    private final ContactVerification contact;

    private final Completion completion;

    private final RecoveryKeyRecovery recoveryKey;

    private final TrustedPhoneRecovery trustedPhone;

    private final FormRecovery forms;

    private final SandboxClock clock;

    private final RecoveryConfig config;

    public RecoveryResource(Cases cases, WaitingPeriodRecovery waitingPeriod, ContactVerification contact,
            Completion completion,
            RecoveryKeyRecovery recoveryKey, TrustedPhoneRecovery trustedPhone, FormRecovery forms, SandboxClock clock,
            RecoveryConfig config) {
        this.cases = cases;
        this.waitingPeriod = waitingPeriod;
        this.contact = contact;
        this.completion = completion;
        this.recoveryKey = recoveryKey;
        this.trustedPhone = trustedPhone;
        this.forms = forms;
        this.clock = clock;
        this.config = config;
    }

    private TrustedProxies proxies;

    @PostConstruct
    void readTrustedProxies() {
        proxies = TrustedProxies.of("lockstep.recovery.trusted-proxies", config.trustedProxies());
    }

    @POST
    @Path("/cases")
    @Operation(summary = "S1: start a waiting-period recovery with the account name, a trusted number and a recovery "
            + "number (it gets a 6-digit code); a wrong pair answers like an unknown account; past the bounds on new "
            + "numbers per account name and per caller address, 429 new-number-limit-reached with Retry-After")
    public Response startWaitingPeriod(@Valid @NotNull RecoveryRequests.StartWaitingPeriod request,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @Context HttpServerRequest http) {
        RecoveryCase c = waitingPeriod.start(request.username(), request.trustedPhone(), request.recoveryPhone(),
                request.deviceId(), proxies.clientOf(forwardedFor, http));
        return created(c, null);
    }

    @GET
    @Path("/cases/{caseId}")
    @Operation(summary = "The case as the owner sees it: during a wait only \"REQUESTED\" and when more is available")
    public OwnerView get(@PathParam("caseId") String caseId) {
        return OwnerView.of(cases.caseOf(caseId), null, clock.instant());
    }

    @POST
    @Path("/cases/{caseId}/verify-contact")
    @Operation(summary = "The code sent to the recovery phone or contact email; the wait starts, or the form opens")
    public OwnerView verifyContact(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Code request) {
        return view(contact.verify(caseId, request.code()));
    }

    @POST
    @Path("/cases/{caseId}/resend")
    @Operation(summary = "\"Didn't get a code?\": send the pending code again (a case sends at most lockstep.recovery.max-sends codes)")
    public Response resend(@PathParam("caseId") String caseId) {
        return Response.accepted(view(contact.resend(caseId))).build();
    }

    @POST
    @Path("/cases/{caseId}/cancel")
    @Operation(summary = "The owner cancels a recovery with the cancellation code from the email")
    public OwnerView cancel(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Cancel request) {
        return view(waitingPeriod.cancel(caseId, request.code(), request.reason()));
    }

    @POST
    @Path("/cases/{caseId}/complete")
    @Operation(summary = "A ready case and a new password (and the recovery code, after a wait or a form) restore "
            + "access: unlocked, new password, every session revoked; after a wait the recovery number becomes the trusted phone")
    public OwnerView complete(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Complete request) {
        return view(completion.complete(caseId, request.code(), request.newPassword()));
    }

    @POST
    @Path("/recovery-key")
    @Operation(summary = "S0: the recovery key and a new password restore access at once")
    public OwnerView recoveryKey(@Valid @NotNull RecoveryRequests.RecoveryKey request) {
        return view(recoveryKey.recover(request.username(), request.recoveryKey(), request.newPassword(),
                request.deviceId()));
    }

    @POST
    @Path("/trusted-phone")
    @Operation(summary = "S0's fallback: the account name and current password (an invalidated one too); the answer "
            + "lists the trusted numbers, masked")
    public Response trustedPhone(@Valid @NotNull RecoveryRequests.TrustedPhone request) {
        TrustedPhoneRecovery.Started started = trustedPhone.start(request.username(), request.password(),
                request.deviceId());
        return created(started.recoveryCase(), started.phones());
    }

    @POST
    @Path("/cases/{caseId}/send-code")
    @Operation(summary = "Send a code to the chosen trusted number (by its id from the list)")
    public Response sendCode(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.SendCode request) {
        return Response.accepted(view(trustedPhone.sendCode(caseId, request.factorId()))).build();
    }

    @POST
    @Path("/cases/{caseId}/verify-code")
    @Operation(summary = "The code from the trusted phone; right: a new password may be set within lockstep.recovery.verified-window")
    public OwnerView verifyCode(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Code request) {
        return view(trustedPhone.verify(caseId, request.code()));
    }

    @POST
    @Path("/forms")
    @Operation(summary = "S4: start a recovery form with a contact email other than the account's (it gets a code)")
    public Response startForm(@Valid @NotNull RecoveryRequests.StartForm request) {
        return created(forms.start(request.username(), request.contactEmail()), null);
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

    private OwnerView view(RecoveryCase c) {
        return OwnerView.of(c, null, clock.instant());
    }

    private Response created(RecoveryCase c, List<FactorView> phones) {
        return Response.created(URI.create("/v1/recovery/cases/" + c.id)).entity(OwnerView.of(c, phones, clock.instant()))
                .build();
    }
}

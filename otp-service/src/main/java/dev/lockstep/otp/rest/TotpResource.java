package dev.lockstep.otp.rest;

import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.service.QrCodes;
import dev.lockstep.otp.service.TotpService;
import dev.lockstep.platform.security.AdminApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Authenticator-app (TOTP) enrolment for an account, by an operator. Logging in with the factor is
 * still to come; until then it is enrolled and confirmed, not offered at login.
 */
@Path("/v1/admin/accounts/{accountId}/totp")
@AdminApi
@Tag(name = "Authenticator apps (TOTP)")
public class TotpResource {

    private final TotpService totp;

    public TotpResource(TotpService totp) {
        this.totp = totp;
    }

    /** Optional settings of a new enrolment; left out: the sandbox defaults (SHA1, 6 digits). */
    public record EnrolRequest(
            @Pattern(regexp = "SHA1|SHA256|SHA512", message = "SHA1, SHA256 or SHA512") String algorithm,
            @Min(6) @Max(8) Integer digits,
            @Size(min = 1, max = 128) String label) {
    }

    /** Shown once: the secret (base32), the Key URI, and where its QR code is. */
    public record EnrolmentView(String factorId, String status, String secret, String otpauthUri, String qrCode) {
    }

    public record ConfirmRequest(@NotNull @Pattern(regexp = "[0-9]{6,8}", message = "6 to 8 digits") String code) {
    }

    public record FactorStatus(String factorId, String type, String status) {

        static FactorStatus of(Factor f) {
            return new FactorStatus(f.id, f.type, f.status);
        }
    }

    @POST
    @Operation(summary = "Start an enrolment: secret, otpauth:// URI and QR code, shown once; confirm with a first code")
    public Response enrol(@PathParam("accountId") String accountId, @Valid EnrolRequest request) {
        EnrolRequest settings = request != null ? request : new EnrolRequest(null, null, null);
        TotpService.Enrolment enrolment = totp.enrol(accountId, settings.algorithm(), settings.digits(), settings.label());
        String qr = "/v1/admin/accounts/" + accountId + "/totp/" + enrolment.factor().id + "/qr.png";
        return Response.created(URI.create(qr))
                .entity(new EnrolmentView(enrolment.factor().id, enrolment.factor().status, enrolment.secret(),
                        enrolment.uri(), qr))
                .build();
    }

    @GET
    @Path("/{factorId}/qr.png")
    @Produces("image/png")
    @Operation(summary = "The QR code of a pending enrolment, for an authenticator app to scan")
    public byte[] qr(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId) {
        return QrCodes.png(totp.pendingUri(accountId, factorId));
    }

    @POST
    @Path("/{factorId}/confirm")
    @Operation(summary = "Confirm the enrolment with a first code from the app; the factor becomes active")
    public FactorStatus confirm(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId,
            @Valid @NotNull ConfirmRequest request) {
        return FactorStatus.of(totp.confirm(accountId, factorId, request.code()));
    }
}

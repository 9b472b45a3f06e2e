package dev.lockstep.sim.rest;

import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.sim.domain.MagicNumber;
import dev.lockstep.sim.domain.Phone;
import dev.lockstep.sim.domain.PhoneState;
import dev.lockstep.sim.service.PhoneService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A virtual phone's state: what decides whether messages reach it. */
@Path("/v1/phones/{e164}")
@Tag(name = "Virtual phones")
public class PhoneResource {

    private final PhoneService phones;

    public PhoneResource(PhoneService phones) {
        this.phones = phones;
    }

    /** A phone as the simulator shows it. */
    public record PhoneView(String phone, String country, String lineType, String carrier, String sim,
            String handset, String signal, String roaming, boolean roamingAgreement, String smsFilter,
            int inboxCapacity, boolean optedOut, boolean smsCapable, String magic, Instant createdAt) {

        static PhoneView of(Phone p) {
            return new PhoneView(p.e164, p.region, p.lineType, p.carrier, p.sim, p.handset, p.signal, p.roaming,
                    p.roamingAgreement, p.smsFilter, p.inboxCapacity, p.optedOut, p.smsCapable,
                    MagicNumber.of(p.e164).map(MagicNumber::behaviour).orElse(null), p.createdAt);
        }
    }

    @GET
    @Operation(summary = "The phone's state (it exists once a message reached it or it was set)")
    public PhoneView get(@PathParam("e164") String e164) {
        Phone phone = Phone.findById(PhoneNumbers.toE164(e164));
        if (phone == null) {
            throw ProblemException.notFound("phone-not-found", "No virtual phone with this number yet");
        }
        return PhoneView.of(phone);
    }

    @PUT
    @AdminApi
    @Operation(summary = "Set the phone's state: SIM, handset, signal, roaming, carrier filter, storage")
    public PhoneView put(@PathParam("e164") String e164, @Valid @NotNull PhoneState state) {
        return PhoneView.of(phones.put(PhoneNumbers.toE164(e164), state));
    }
}

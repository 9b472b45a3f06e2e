package dev.lockstep.sim.service;

import dev.lockstep.contracts.PhoneStateChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.tx.InsertIfAbsent;
import dev.lockstep.sim.domain.MagicNumber;
import dev.lockstep.sim.domain.Phone;
import dev.lockstep.sim.domain.PhoneState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Locale;

/** Virtual phones: made on first use, changed by operators, every change published. */
@ApplicationScoped
public class PhoneService {

    private final SandboxClock clock;

    private final Outbox outbox;

    public PhoneService(SandboxClock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * The phone of an E.164 number, created if new with its country, line type and carrier
     * (libphonenumber), or in the state a magic number stands for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Phone getOrCreate(String e164) {
        return InsertIfAbsent.getOrCreate(() -> Phone.findById(e164, LockModeType.PESSIMISTIC_WRITE), () -> {
            Phone phone = new Phone();
            phone.e164 = e164;
            phone.region = PhoneNumbers.region(e164);
            phone.lineType = PhoneNumbers.lineType(e164);
            phone.carrier = PhoneNumbers.carrier(e164);
            MagicNumber.of(e164).ifPresent(magic -> magic.applyTo(phone));
            phone.createdAt = clock.instant();
            return phone;
        });
    }

    /** Sets the whole state of a phone (fields left out take their defaults) and publishes it. */
    @Transactional
    public Phone put(String e164, PhoneState state) {
        if (state.roaming() != null && !PhoneNumbers.knownRegion(state.roaming().toUpperCase(Locale.ROOT))) {
            throw ProblemException.badRequest("invalid-request", "roaming must be an ISO 3166 region code",
                    "e.g. ES for Spain").with("field", "roaming");
        }
        if (state.country() != null && !PhoneNumbers.knownRegion(state.country().toUpperCase(Locale.ROOT))) {
            throw ProblemException.badRequest("invalid-request", "country must be an ISO 3166 region code", null)
                    .with("field", "country");
        }
        Phone phone = getOrCreate(e164);
        phone.sim = orDefault(state.sim(), "active");
        phone.handset = orDefault(state.handset(), "on");
        phone.signal = orDefault(state.signal(), "ok");
        phone.smsFilter = orDefault(state.smsFilter(), "none");
        phone.roaming = state.roaming() != null ? state.roaming().toUpperCase(Locale.ROOT) : null;
        phone.inboxCapacity = state.inboxCapacity() != null ? state.inboxCapacity() : 1000;
        phone.optedOut = Boolean.TRUE.equals(state.optedOut());
        phone.smsCapable = !Boolean.FALSE.equals(state.smsCapable());
        phone.roamingAgreement = !Boolean.FALSE.equals(state.roamingAgreement());
        phone.carrier = state.carrier() != null ? state.carrier() : PhoneNumbers.carrier(e164);
        if (state.country() != null) {
            phone.region = state.country().toUpperCase(Locale.ROOT);
        }
        outbox.publish(Topic.PHONE_EVENTS, e164, null, new PhoneStateChanged(e164, phone.region, phone.carrier,
                phone.sim, phone.handset, phone.signal, phone.roaming, phone.smsFilter, phone.inboxCapacity));
        return phone;
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }
}

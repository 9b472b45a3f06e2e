package dev.lockstep.contracts;

/**
 * A virtual phone's state after a change. A SIM swap or a cancelled SIM is a risk signal for the
 * IdP; the rest decides what happens to messages.
 *
 * @param sim {@code active}, {@code cancelled} or {@code swapped}
 * @param handset {@code on} or {@code off}
 * @param signal {@code ok} or {@code none}
 * @param roaming ISO 3166 region the phone is roaming in, or null at home
 * @param smsFilter the carrier's SMS filter: {@code none}, {@code international} or {@code alphanumeric}
 */
@EventType("lockstep.phone.state-changed.v1")
public record PhoneStateChanged(String phone, String country, String carrier, String sim, String handset,
        String signal, String roaming, String smsFilter, int inboxCapacity) {
}

package dev.lockstep.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as it travels as a Kafka record value.
 *
 * @param specversion always {@code 1.0}
 * @param id unique event id; consumers de-duplicate on it
 * @param source the producing service, e.g. {@code /lockstep/auth-service}
 * @param type versioned event type, see {@link EventType}
 * @param subject what the event is about (an account id, a phone number)
 * @param time when it happened, on the sandbox clock
 * @param datacontenttype always {@code application/json}
 * @param correlationid extension attribute: follows one login or recovery end to end
 * @param sandboxepoch extension attribute: the sandbox-wide reset the producer was at when the
 *        event was written (a consumer at a later one ignores it); absent on hand-made events,
 *        which are never fenced
 * @param data the event body, one of the records in this package
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String correlationid,
        Long sandboxepoch,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** Whether this event was written before the reset a consumer at {@code currentEpoch} has seen. */
    public boolean before(long currentEpoch) {
        return sandboxepoch != null && sandboxepoch < currentEpoch;
    }
}

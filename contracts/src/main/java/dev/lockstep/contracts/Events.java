package dev.lockstep.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/** Encodes and decodes {@link CloudEvent} envelopes and their record bodies. */
public final class Events {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Events() {
    }

    /** The versioned CloudEvents type of an event body class. */
    public static String typeOf(Class<?> bodyClass) {
        EventType type = bodyClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(bodyClass.getName() + " is not an event body (no @EventType)");
        }
        return type.value();
    }

    /** Wraps a body into a new envelope with a fresh id and no sandbox epoch (a hand-made event). */
    public static CloudEvent envelope(String source, String subject, Instant time, String correlationId, Object body) {
        return envelope(source, subject, time, correlationId, null, body);
    }

    /** Wraps a body into a new envelope with a fresh id, written at sandbox epoch {@code epoch}. */
    public static CloudEvent envelope(String source, String subject, Instant time, String correlationId, Long epoch,
            Object body) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, typeOf(body.getClass()),
                subject, time, CloudEvent.JSON, correlationId, epoch, MAPPER.valueToTree(body));
    }

    public static String toJson(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.id(), e);
        }
    }

    /** Parses an envelope; throws {@link MalformedEventException} when the text is not one. */
    public static CloudEvent fromJson(String json) {
        try {
            CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
            if (event.id() == null || event.type() == null) {
                throw new MalformedEventException("event without id or type");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage());
        }
    }

    /** True when the envelope carries a body of the given class (same type and version). */
    public static boolean is(CloudEvent event, Class<?> bodyClass) {
        return typeOf(bodyClass).equals(event.type());
    }

    /** Reads the body of an envelope as the given record class. */
    public static <T> T body(CloudEvent event, Class<T> bodyClass) {
        if (!is(event, bodyClass)) {
            throw new MalformedEventException("event " + event.id() + " is " + event.type() + ", not " + typeOf(bodyClass));
        }
        try {
            return MAPPER.treeToValue(event.data(), bodyClass);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("bad body in event " + event.id() + ": " + e.getOriginalMessage());
        }
    }

    /** Thrown for a record that is not a well-formed Lockstep event. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}

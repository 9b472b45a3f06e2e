package dev.lockstep.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * An RFC 9457 problem body. {@code type} is a stable, non-resolvable tag URI per error kind;
 * clients switch on it. Extra members (remaining attempts, field errors) follow the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance" })
public record Problem(String type, String title, int status, String detail, String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extensions) {

    /** Media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of every problem type; the slug after it names the error. */
    public static final String TYPE_PREFIX = "tag:lockstep.dev,2026:problem:";

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}

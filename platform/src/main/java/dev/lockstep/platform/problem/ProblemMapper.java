package dev.lockstep.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lockstep.platform.db.DatabaseUnavailable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's one exception mapper: every error leaves as RFC 9457 problem+json with a stable
 * type. Bad input maps to 4xx; only a genuine fault is a 500, and it says nothing internal.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .collect(Collectors.toList());
        return respond(ProblemException.badRequest("invalid-request", "The request is not valid",
                "See errors for each field.").with("errors", errors), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(fromJson(e), uri);
    }

    /** More specific than the JSON mapper Quarkus ships for this type, so ours answers. */
    @ServerExceptionMapper
    public Response wrongJsonType(MismatchedInputException e, UriInfo uri) {
        return respond(fromJson(e), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(fromJson(json), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(new ProblemException(status, "internal-error", "Internal error", null), uri);
        }
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(new ProblemException(status, slug, title, null), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("the database is unavailable: %s", e.getMessage());
            return respond(new ProblemException(503, "service-unavailable", "Service unavailable",
                    "The service cannot reach its database right now. Try again shortly.")
                    .header("Retry-After", "5"), uri);
        }
        LOG.error("unexpected failure", e);
        return respond(new ProblemException(500, "internal-error", "Internal error",
                "The failure was logged; nothing about it is shown here."), uri);
    }

    private static ProblemException fromJson(JsonProcessingException e) {
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String path = path((JsonMappingException) e);
            if (!path.isEmpty()) {
                return ProblemException.badRequest("invalid-field", "A field has the wrong type or format",
                        "Field '" + path + "' could not be read.").with("field", path);
            }
            if (e instanceof MismatchedInputException && !(e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("No content"))) {
                return ProblemException.badRequest("invalid-body", "The body has the wrong shape",
                        "Send a JSON object with the documented fields.");
            }
        }
        return ProblemException.badRequest("malformed-json", "The body is not well-formed JSON",
                "Send a JSON object with Content-Type: application/json.");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
        if (!nodes.hasNext() || nodes.next().getKind() != ElementKind.METHOD) {
            // a body checked by BodyValidation: "channel"
            return path.isEmpty() ? "body" : path;
        }
        // a resource's parameter: "create.request.username" -> "username"; a whole missing body -> "body"
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : "body";
    }

    static Response respond(ProblemException e, UriInfo uri) {
        String instance = uri != null ? uri.getPath() : null;
        Response.ResponseBuilder response = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(instance));
        e.headers().forEach(response::header);
        return response.build();
    }
}

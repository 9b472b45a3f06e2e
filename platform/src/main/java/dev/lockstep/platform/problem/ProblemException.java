package dev.lockstep.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown anywhere to answer with a problem response; the service's one exception mapper turns it
 * into {@code application/problem+json}. Resources never build error bodies themselves.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String detail;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        super(slug + ": " + title, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(400, slug, title, detail);
    }

    public static ProblemException notFound(String slug, String title) {
        return new ProblemException(404, slug, title, null);
    }

    public static ProblemException conflict(String slug, String title) {
        return new ProblemException(409, slug, title, null);
    }

    /** Adds a member to the problem body, e.g. {@code remainingAttempts}. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, detail, instance, Map.copyOf(extensions));
    }
}

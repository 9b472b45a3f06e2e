package dev.lockstep.platform.security;

import dev.lockstep.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who acts, for the audit trail: the {@code X-Lockstep-Operator} header of an admin request, or
 * {@code admin} without one. Read here once, for every operator endpoint of every service.
 */
@RequestScoped
public class Operator {

    public static final String HEADER = "X-Lockstep-Operator";

    /** The longest operator name the audit trail keeps. */
    static final int LONGEST = 128;

    private final HttpServerRequest request;

    public Operator(HttpServerRequest request) {
        this.request = request;
    }

    /** The operator's name; a header longer than 128 characters is bad input ({@code invalid-operator}). */
    public String name() {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return "admin";
        }
        if (header.length() > LONGEST) {
            throw ProblemException.badRequest("invalid-operator", HEADER + " is at most " + LONGEST + " characters", null);
        }
        return header;
    }
}

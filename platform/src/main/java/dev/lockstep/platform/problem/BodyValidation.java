package dev.lockstep.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Bean Validation for a body a resource reads itself (an optional one, which {@code @Valid} cannot take):
 * the same constraints, the same {@code invalid-request} problem, from {@link ProblemMapper}.
 */
@ApplicationScoped
public class BodyValidation {

    private final Validator validator;

    BodyValidation(Validator validator) {
        this.validator = validator;
    }

    /** {@code body} when its constraints hold (or it is null); else a {@link ConstraintViolationException}. */
    public <T> T check(T body) {
        if (body == null) {
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}

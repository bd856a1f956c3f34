package io.patronage.enrollment.refusal;

import java.util.List;

/**
 * A request the enrollment domain refuses, with what is wrong and, when fields of the request are to blame,
 * which ones. {@code EnrollmentExceptionHandler} answers each kind as problem+json.
 */
public abstract class EnrollmentException extends RuntimeException {

    private final List<FieldError> errors;

    protected EnrollmentException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package io.patronage.enrollment.refusal;

import java.util.List;

/** A well-formed enrollment the chain's program does not allow: too young, a consent missing, no invitation. */
public class EnrollmentNotAllowedException extends EnrollmentException {

    public EnrollmentNotAllowedException(String chainId, List<FieldError> errors) {
        super("the program of chain " + chainId + " does not allow this enrollment: " + FieldError.fields(errors), errors);
    }
}

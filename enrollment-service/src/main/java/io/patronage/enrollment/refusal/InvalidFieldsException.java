package io.patronage.enrollment.refusal;

import java.util.List;

/** Fields of a request are missing or malformed, whatever the chain's rules. */
public class InvalidFieldsException extends EnrollmentException {

    public InvalidFieldsException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}

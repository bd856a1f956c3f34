package io.patronage.enrollment.refusal;

import java.util.List;

/** Another member of the chain has the email address. */
public class EmailTakenException extends EnrollmentException {

    public EmailTakenException(String detail) {
        super(detail, List.of(new FieldError("email", "is already enrolled in this program")));
    }
}

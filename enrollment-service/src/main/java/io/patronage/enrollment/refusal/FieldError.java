package io.patronage.enrollment.refusal;

import java.util.List;
import java.util.stream.Collectors;

/** One field of a request and why it was refused: a path such as {@code email} or {@code consents.terms}. */
public record FieldError(String field, String message) {

    /** {@code "email, phone"}: each field once, in order. */
    public static String fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    }
}

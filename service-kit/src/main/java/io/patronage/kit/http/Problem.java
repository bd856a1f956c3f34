package io.patronage.kit.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param errors per-field problems, when the request had several
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One invalid field: a JSON path such as {@code email} or {@code lines[2].quantity}, and why. */
    public record FieldError(String field, String message) {
    }
}

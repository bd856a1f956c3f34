package io.patronage.kit.http;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Thrown by a controller or service to answer with a problem+json response. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of());
    }

    public ProblemException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "no " + what + " with id " + id);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}

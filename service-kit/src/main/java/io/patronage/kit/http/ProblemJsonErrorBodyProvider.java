package io.patronage.kit.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error Micronaut itself answers (malformed JSON, failed validation, unknown route, payload too
 * large, ...) is rendered as problem+json, the same shape our own {@link ProblemException}s take.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ProblemJsonErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<Problem.FieldError> fieldErrors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(field(error.getPath().get()), error.getMessage()))
                .toList();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new Problem(Problems.type(response.code()), response.reason(), response.code(),
                detail.isEmpty() ? response.reason() : detail, context.getRequest().getPath(), fieldErrors);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }

    /** {@code enroll.request.email} (method, parameter, field) becomes {@code email}. */
    private static String field(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}

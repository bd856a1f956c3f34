package io.patronage.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error Micronaut itself answers (malformed JSON, failed validation, unknown route, payload too
 * large, ...) is rendered as problem+json, the same shape our own {@link ProblemException}s take.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ProblemJsonErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemJsonErrorBodyProvider.class);
    /** The most of a caller's value an answer repeats. */
    private static final int SHOWN = 64;

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        if (response.code() >= 500) {
            return internal(context, response);
        }
        if (response.code() == 401 || response.code() == 403) {
            return new Problem(Problems.type(response.code()), response.reason(), response.code(),
                    response.code() == 401 ? "a valid bearer token is required: Authorization: Bearer <JWT>"
                            : "this token's roles do not allow this call", context.getRequest().getPath(), List.of());
        }
        Optional<JsonProcessingException> json = context.getRootCause()
                .flatMap(failure -> cause(failure, JsonProcessingException.class));
        if (json.isPresent()) {
            return jsonProblem(json.get(), context, response);
        }
        Optional<ConversionErrorException> conversion = context.getRootCause()
                .flatMap(failure -> cause(failure, ConversionErrorException.class));
        if (conversion.isPresent()) {
            return conversionProblem(conversion.get(), context);
        }
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

    /**
     * An internal failure says nothing of its cause (class names, stack traces, database errors are for the log):
     * the caller gets a reference to quote, the log has the cause under it.
     */
    private static Problem internal(ErrorContext context, HttpResponse<?> response) {
        String reference = UUID.randomUUID().toString();
        LOG.error("{} {} answered {} (reference {})", context.getRequest().getMethod(), context.getRequest().getPath(),
                response.code(), reference, context.getRootCause().orElse(null));
        return new Problem(Problems.type(response.code()), response.reason(), response.code(),
                "the service could not complete the request; reference " + reference, context.getRequest().getPath(),
                List.of());
    }

    /** A body that is not JSON, or JSON of the wrong shape: say where, without Java internals. */
    private static Problem jsonProblem(JsonProcessingException error, ErrorContext context, HttpResponse<?> response) {
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonBodyErrors.path(mapping);
            String message = JsonBodyErrors.message(error);
            return new Problem(Problems.type(400), "Bad Request", 400, field + ": " + message,
                    context.getRequest().getPath(), List.of(new Problem.FieldError(field, message)));
        }
        return new Problem(Problems.type(400), "Bad Request", 400,
                "the request body is not valid JSON" + JsonBodyErrors.where(error), context.getRequest().getPath(), List.of());
    }

    /**
     * A query, path or header value that is not of its parameter's type ({@code ?page=abc}): the parameter and the
     * value, not Micronaut's "Failed to convert argument ... due to: For input string" with Java's own wording.
     */
    private static Problem conversionProblem(ConversionErrorException error, ErrorContext context) {
        String name = error.getArgument().getName();
        String value = error.getConversionError().getOriginalValue().map(String::valueOf).orElse("");
        String message = "invalid value " + (value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value);
        return new Problem(Problems.type(400), "Bad Request", 400, name + ": " + message,
                context.getRequest().getPath(), List.of(new Problem.FieldError(name, message)));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** {@code enroll.request.email} (method, parameter, field) becomes {@code email}. */
    private static String field(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}

package io.patronage.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What is wrong with a JSON request body, and where, in the caller's terms: never Java class names. */
public final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    /** A 400 naming the field and what is wrong with it, or the line and column of a body that is not JSON. */
    public static ProblemException invalid(String what, JsonProcessingException error) {
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = message(error);
            return new ProblemException(io.micronaut.http.HttpStatus.BAD_REQUEST, "invalid-request",
                    what + ": " + field + ": " + message, List.of(new Problem.FieldError(field, message)));
        }
        return ProblemException.badRequest(what + ": not valid JSON" + where(error));
    }

    static String message(JsonProcessingException error) {
        if (error instanceof InvalidFormatException invalid) {
            Object[] allowed = invalid.getTargetType() == null ? null : invalid.getTargetType().getEnumConstants();
            return "invalid value " + invalid.getValue() + (allowed == null ? ""
                    : " (one of " + Arrays.stream(allowed).map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return "has the wrong type or shape";
    }

    static String where(JsonProcessingException error) {
        return error.getLocation() == null ? ""
                : " at line " + error.getLocation().getLineNr() + ", column " + error.getLocation().getColumnNr();
    }

    static String path(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

package io.patronage.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;

final class JsonErrors {

    private JsonErrors() {
    }

    /** Jackson's own message without its source excerpt, with where it happened: fit for a dead-letter header. */
    static String describe(IOException error) {
        if (error instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
            if (json instanceof MismatchedInputException && json.getOriginalMessage().startsWith("Trailing token")) {
                // Jackson's own wording names our Java class and its feature flag.
                return "unexpected content after the JSON value" + where;
            }
            return json.getOriginalMessage() + where;
        }
        return error.getMessage();
    }
}

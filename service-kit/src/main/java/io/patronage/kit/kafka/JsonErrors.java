package io.patronage.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;

final class JsonErrors {

    private JsonErrors() {
    }

    /** Jackson's own message without its source excerpt, with where it happened: fit for a dead-letter header. */
    static String describe(IOException error) {
        if (error instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
            return json.getOriginalMessage() + where;
        }
        return error.getMessage();
    }
}

package io.patronage.points.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patronage.kit.http.JsonBodyErrors;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.json.Json;

/** A program version as ops send it: invalid JSON or an invalid program is a {@code 400} problem. */
public final class ProgramJson {

    private ProgramJson() {
    }

    public static ProgramRules parse(String json) {
        try {
            ProgramRules rules = Json.mapper().readValue(json, ProgramRules.class);
            if (rules == null) {
                throw ProblemException.badRequest("a program version is required");
            }
            rules.expiry().bounded();
            return rules;
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.badRequest("invalid program: " + invalid.getMessage());
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw ProblemException.badRequest("invalid program: " + invalid.getMessage());
            }
            throw JsonBodyErrors.invalid("invalid program", e);
        }
    }
}

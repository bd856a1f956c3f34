package io.patronage.rewards.automatic;

import io.micronaut.http.HttpStatus;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;

import java.util.List;

/** The {@code 400} of an invalid automatic-reward definition: its detail names the first problem, errors all. */
final class DefinitionProblems {

    private DefinitionProblems() {
    }

    /** @param what e.g. {@code the punch card} */
    static void requireNone(String what, List<Problem.FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", what + " is invalid: "
                    + problems.get(0).field() + " " + problems.get(0).message(), problems);
        }
    }
}

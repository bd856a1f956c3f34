package io.patronage.rewards.automatic;

import io.patronage.kit.http.Problem.FieldError;
import io.patronage.rewards.catalog.RewardRules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What a punch card definition must be; each problem names its field. */
final class PunchCardRules {

    static final int MAX_VISITS = 1000;
    static final int MAX_CODE = 64;

    private PunchCardRules() {
    }

    /** @param offered whether the chain offers an active reward with that id */
    static List<FieldError> problems(String punchCardId, PunchCardDefinition definition, Predicate<String> offered) {
        List<FieldError> problems = new ArrayList<>();
        if (punchCardId == null || !RewardRules.ID.matcher(punchCardId).matches()) {
            problems.add(new FieldError("punchCardId", "must be 1 to 64 letters, digits, '-' or '_', starting with a "
                    + "letter or digit"));
        }
        if (definition.rewardId() == null || definition.rewardId().isBlank()) {
            problems.add(new FieldError("rewardId", "is required"));
        } else if (!RewardRules.ID.matcher(definition.rewardId()).matches() || !offered.test(definition.rewardId())) {
            problems.add(new FieldError("rewardId", "must be an active reward the chain offers"));
        }
        if (definition.visits() == null || definition.visits() < 2 || definition.visits() > MAX_VISITS) {
            problems.add(new FieldError("visits", "must be between 2 and " + MAX_VISITS));
        }
        code(problems, "sku", definition.sku());
        code(problems, "category", definition.category());
        if (definition.sku() != null && definition.category() != null) {
            problems.add(new FieldError("category", "give a sku or a category, not both"));
        }
        return problems;
    }

    private static void code(List<FieldError> problems, String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_CODE)) {
            problems.add(new FieldError(field, "must be 1 to " + MAX_CODE + " characters when given"));
        }
    }
}

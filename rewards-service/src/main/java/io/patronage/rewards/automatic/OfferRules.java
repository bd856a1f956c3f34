package io.patronage.rewards.automatic;

import io.patronage.kit.http.Problem;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.RewardRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the welcome, birthday and win-back offers' definitions must be: a 400 names every invalid field. */
final class OfferRules {

    private OfferRules() {
    }

    static OfferRules.Check check(Catalog catalog, String chainId) {
        return new Check(catalog, chainId);
    }

    static final class Check {
        private final Catalog catalog;
        private final String chainId;
        private final List<Problem.FieldError> problems = new ArrayList<>();

        private Check(Catalog catalog, String chainId) {
            this.catalog = catalog;
            this.chainId = chainId;
        }

        /** {@code rewardId}: an active reward the chain offers. */
        Check reward(String rewardId) {
            if (rewardId == null || rewardId.isBlank()) {
                problems.add(new Problem.FieldError("rewardId", "is required"));
            } else if (!RewardRules.ID.matcher(rewardId).matches() || catalog.find(rewardId, chainId).isEmpty()) {
                problems.add(new Problem.FieldError("rewardId", "must be an active reward the chain offers"));
            }
            return this;
        }

        /** A required field whose value is one of {@code allowed}. */
        Check oneOf(String field, String value, Set<String> allowed) {
            if (value == null || value.isBlank()) {
                problems.add(new Problem.FieldError(field, "is required: one of " + String.join(", ", allowed)));
            } else if (!allowed.contains(value)) {
                problems.add(new Problem.FieldError(field, "must be one of " + String.join(", ", allowed)));
            }
            return this;
        }

        /** @throws io.patronage.kit.http.ProblemException a 400 naming every invalid field, when there is one */
        void orRefuse(String what) {
            DefinitionProblems.requireNone(what, List.copyOf(problems));
        }
    }
}

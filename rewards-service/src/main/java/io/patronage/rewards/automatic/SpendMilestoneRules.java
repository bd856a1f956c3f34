package io.patronage.rewards.automatic;

import io.patronage.kit.http.Problem.FieldError;
import io.patronage.rewards.catalog.RewardRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Predicate;

/** What a spend milestone definition must be; each problem names its field. */
final class SpendMilestoneRules {

    static final BigDecimal MAX_EVERY = new BigDecimal("10000000");

    private SpendMilestoneRules() {
    }

    /**
     * @param offered  whether the chain offers an active reward with that id
     * @param currency the chain's currency: {@code every} has at most its minor units
     */
    static List<FieldError> problems(String milestoneId, SpendMilestoneDefinition definition,
                                     Predicate<String> offered, Currency currency) {
        List<FieldError> problems = new ArrayList<>();
        if (milestoneId == null || !RewardRules.ID.matcher(milestoneId).matches()) {
            problems.add(new FieldError("milestoneId", "must be 1 to 64 letters, digits, '-' or '_', starting with a "
                    + "letter or digit"));
        }
        if (definition.rewardId() == null || definition.rewardId().isBlank()) {
            problems.add(new FieldError("rewardId", "is required"));
        } else if (!RewardRules.ID.matcher(definition.rewardId()).matches() || !offered.test(definition.rewardId())) {
            problems.add(new FieldError("rewardId", "must be an active reward the chain offers"));
        }
        BigDecimal every = definition.every();
        if (every == null || every.signum() <= 0 || every.compareTo(MAX_EVERY) > 0) {
            problems.add(new FieldError("every", "must be an amount above 0 and at most " + MAX_EVERY.toPlainString()
                    + " " + currency.getCurrencyCode()));
        } else if (every.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
            problems.add(new FieldError("every", "must have at most " + Math.max(0, currency.getDefaultFractionDigits())
                    + " decimals in " + currency.getCurrencyCode()));
        }
        return problems;
    }
}

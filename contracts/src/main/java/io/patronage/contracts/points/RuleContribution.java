package io.patronage.contracts.points;

import java.math.BigDecimal;

/** How many points one earning rule contributed to a transaction. */
public record RuleContribution(String rule, BigDecimal points) {
}

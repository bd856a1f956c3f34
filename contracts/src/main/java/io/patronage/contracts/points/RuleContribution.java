package io.patronage.contracts.points;

/** How many points one earning rule contributed to a transaction. */
public record RuleContribution(String rule, long points) {
}

package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * points-service debited fewer points than the redemption costs (a clamping program): a reward is never had for part
 * of its price, so the redemption is refused and the points debited are given back.
 */
public record RefusePartialDebit(@TargetAggregateIdentifier String redemptionId, BigDecimal points, Instant debitedAt) {
}

package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/** points-service debited the points the redemption asked for. */
public record ConfirmPointsDebited(@TargetAggregateIdentifier String redemptionId, BigDecimal points, Instant debitedAt) {
}

package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** points-service debited the points the redemption asked for. */
public record ConfirmPointsDebited(@TargetAggregateIdentifier String redemptionId, long points, Instant debitedAt) {
}

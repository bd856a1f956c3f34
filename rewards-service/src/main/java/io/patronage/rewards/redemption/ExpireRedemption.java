package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The redemption's deadline passed: if points-service has not answered yet, the redemption expires. */
public record ExpireRedemption(@TargetAggregateIdentifier String redemptionId, Instant at) {
}

package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The whole purchase {@code originalTransactionId} was returned in {@code returnTransactionId}. */
public record ReinstateCoupon(@TargetAggregateIdentifier String redemptionId, String originalTransactionId,
                              String returnTransactionId, Instant at) {
}

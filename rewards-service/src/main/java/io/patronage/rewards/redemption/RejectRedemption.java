package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * points-service refused the debit.
 *
 * @param reason machine-readable, e.g. {@code INSUFFICIENT_POINTS}
 * @param detail a sentence a person can read
 */
public record RejectRedemption(@TargetAggregateIdentifier String redemptionId,
                               String reason,
                               String detail,
                               Instant rejectedAt) {
}

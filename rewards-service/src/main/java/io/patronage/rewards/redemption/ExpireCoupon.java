package io.patronage.rewards.redemption;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The expiry job found the coupon past its expiry. */
public record ExpireCoupon(@TargetAggregateIdentifier String redemptionId, Instant at) {
}

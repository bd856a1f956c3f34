package io.patronage.points.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reads the account's lots and tier as of {@code at} (changes nothing); answered with an {@link AccountView}. */
public record DescribeAccount(@TargetAggregateIdentifier String memberId, Instant at) {
}

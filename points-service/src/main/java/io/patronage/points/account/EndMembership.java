package io.patronage.points.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record EndMembership(@TargetAggregateIdentifier String memberId, Instant at) {
}

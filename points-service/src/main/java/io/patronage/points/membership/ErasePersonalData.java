package io.patronage.points.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ErasePersonalData(@TargetAggregateIdentifier String memberId, Instant at) {
}

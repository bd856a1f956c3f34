package io.patronage.enrollment.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record EraseMember(@TargetAggregateIdentifier String memberId, Instant erasedAt) {
}

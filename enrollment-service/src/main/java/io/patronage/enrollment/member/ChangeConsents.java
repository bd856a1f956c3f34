package io.patronage.enrollment.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ChangeConsents(@TargetAggregateIdentifier String memberId,
                             boolean marketingEmail,
                             boolean marketingSms,
                             Instant changedAt) {
}

package io.patronage.enrollment.member;

import io.patronage.enrollment.privacy.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Replace the member's contact details; the new email is already claimed for them. */
public record ChangeContactDetails(@TargetAggregateIdentifier String memberId, Sealed contact, Instant changedAt) {
}

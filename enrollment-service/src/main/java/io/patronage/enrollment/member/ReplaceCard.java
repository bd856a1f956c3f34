package io.patronage.enrollment.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Give the member a new card (already claimed for them) in place of a lost one. */
public record ReplaceCard(@TargetAggregateIdentifier String memberId, String newCardNumber, Instant replacedAt) {
}

package io.patronage.points.expiry;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The scheduled look at an account as of {@code at}: expires lots past their expiry, announces coming
 * expiries, re-evaluates the tier. Returns when the account next needs a look ({@code null}: not by time).
 */
public record ReviewAccount(@TargetAggregateIdentifier String memberId, Instant at) {
}

package io.patronage.points.membership;

import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;

/** The member's personal data (the birthday) is forgotten from here on. */
public record PersonalDataErased(String memberId, Instant erasedAt) implements PointsAccountEvent {
}

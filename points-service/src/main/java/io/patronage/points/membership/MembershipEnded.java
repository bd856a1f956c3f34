package io.patronage.points.membership;

import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;

/** The member opted out: nothing more is earned. */
public record MembershipEnded(String memberId, Instant endedAt) implements PointsAccountEvent {
}

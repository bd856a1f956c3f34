package io.patronage.points.account;

import java.time.Instant;

/** The member opted out: nothing more is earned. */
public record MembershipEnded(String memberId, Instant endedAt) implements PointsAccountEvent {
}

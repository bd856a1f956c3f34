package io.patronage.points.account;

import java.time.Instant;

/** The member's personal data (the birthday) is forgotten from here on. */
public record PersonalDataErased(String memberId, Instant erasedAt) implements PointsAccountEvent {
}

package io.patronage.points.account;

import java.time.Instant;

/** The member's personal data (birth date, locale) is forgotten from here on. */
public record PersonalDataErased(String memberId, Instant erasedAt) implements PointsAccountEvent {
}

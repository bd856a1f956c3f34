package io.patronage.points.earning;

import java.time.Instant;

/**
 * What one purchase credited that counts towards the day and period caps (its points without the member bonuses),
 * at its till time.
 */
public record CappedEarning(Instant at, long points) {
}

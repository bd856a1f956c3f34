package io.patronage.points.tiers;

import java.math.BigDecimal;
import java.time.Instant;

/** What one event counts towards the tiers: points, eligible spend and visits (negative for a return). */
public record Activity(Instant at, long points, BigDecimal spend, int visits) {
}

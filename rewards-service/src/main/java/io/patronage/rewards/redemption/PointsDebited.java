package io.patronage.rewards.redemption;

import java.time.Instant;

public record PointsDebited(String redemptionId, long points, Instant debitedAt) {
}

package io.patronage.rewards.redemption;

import java.time.Instant;

public record RedemptionRejected(String redemptionId, String reason, String detail, Instant rejectedAt) {
}

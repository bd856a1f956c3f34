package io.patronage.rewards.redemption;

import java.time.Instant;

public record RedemptionRequested(String redemptionId,
                                  String memberId,
                                  String chainId,
                                  String rewardId,
                                  long points,
                                  int couponValidityDays,
                                  Instant requestedAt) {
}

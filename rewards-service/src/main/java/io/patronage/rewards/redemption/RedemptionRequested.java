package io.patronage.rewards.redemption;

import java.time.Instant;

/**
 * @param rewardVersion the catalog version of the reward; {@code null} in events stored before versions existed
 * @param deadline      when it expires without an answer from points-service; {@code null}: never (older events)
 */
public record RedemptionRequested(String redemptionId,
                                  String memberId,
                                  String chainId,
                                  String rewardId,
                                  long points,
                                  int couponValidityDays,
                                  Instant requestedAt,
                                  Long rewardVersion,
                                  Instant deadline) {

    public RedemptionRequested(String redemptionId, String memberId, String chainId, String rewardId, long points,
                               int couponValidityDays, Instant requestedAt) {
        this(redemptionId, memberId, chainId, rewardId, points, couponValidityDays, requestedAt, null, null);
    }
}

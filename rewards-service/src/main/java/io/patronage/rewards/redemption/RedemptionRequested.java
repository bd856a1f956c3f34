package io.patronage.rewards.redemption;

import java.time.Duration;
import java.time.Instant;

/**
 * @param rewardVersion the catalog version of the reward; {@code null} in events stored before versions existed
 * @param deadline      when it expires without an answer from points-service; {@code null}: never (older events)
 * @param couponValidity how long the coupon stays valid; {@code null} in events stored before it existed, which give
 *                       {@code couponValidityDays} only (in newer ones, the whole days of it)
 */
public record RedemptionRequested(String redemptionId,
                                  String memberId,
                                  String chainId,
                                  String rewardId,
                                  long points,
                                  int couponValidityDays,
                                  Instant requestedAt,
                                  Long rewardVersion,
                                  Instant deadline,
                                  Duration couponValidity) {

    public RedemptionRequested(String redemptionId, String memberId, String chainId, String rewardId, long points,
                               int couponValidityDays, Instant requestedAt) {
        this(redemptionId, memberId, chainId, rewardId, points, couponValidityDays, requestedAt, null, null, null);
    }

    /** How long the coupon stays valid, in old events and new. */
    Duration validity() {
        return couponValidity != null ? couponValidity : Duration.ofDays(couponValidityDays);
    }
}

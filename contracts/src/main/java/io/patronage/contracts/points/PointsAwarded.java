package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * Points given outside a purchase: birthday, referral, survey or review bonuses.
 *
 * @param awardId unique per award, e.g. {@code birthday:2026} or {@code referral:<memberId>}
 * @param rule    the program rule that awarded them
 */
public record PointsAwarded(String memberId,
                            String chainId,
                            String awardId,
                            String rule,
                            String ruleVersion,
                            long points,
                            long balance,
                            Instant awardedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}

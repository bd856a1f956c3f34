package io.patronage.contracts.points;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Points given outside a purchase: birthday, referral, survey or review bonuses.
 *
 * @param awardId unique per award, e.g. {@code birthday:2026} or {@code referral:<memberId>}
 * @param rule    the program rule that awarded them
 * @param expiryChanges what this event changed in the member's expiring points, per expiry instant (an empty list:
 *                      nothing that expires); {@code null} in records published before the field
 */
public record PointsAwarded(String memberId,
                            String chainId,
                            String awardId,
                            String rule,
                            String ruleVersion,
                            BigDecimal points,
                            BigDecimal balance,
                            Instant awardedAt,
                            List<ExpiryChange> expiryChanges) implements IntegrationEvent {

    /** Without expiry changes, as records published before them. */
    public PointsAwarded(String memberId, String chainId, String awardId, String rule, String ruleVersion,
                         BigDecimal points, BigDecimal balance, Instant awardedAt) {
        this(memberId, chainId, awardId, rule, ruleVersion, points, balance, awardedAt, null);
    }

    @Override
    public String key() {
        return memberId;
    }
}

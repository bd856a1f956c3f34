package io.patronage.points.balance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.patronage.points.ledger.PointsUnit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /members/{memberId}/points}. {@code available} can be spent now, {@code pending} is locked for the
 * return window, {@code expiringSoon} expires within {@code expiringWithin} days, {@code nextExpiry} is the earliest
 * expiry of the open lots and the points that expire then (absent when none expires). With {@code ?asOf=} only the
 * balance and lifetime figures are given, folded from the log up to that instant. Points have the decimals of the
 * chain's program ({@code pointsDecimals}): whole, or e.g. {@code 2.57}.
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsBalance(String memberId, BigDecimal balance, BigDecimal lifetimeEarned,
                            BigDecimal lifetimeRedeemed, BigDecimal available, BigDecimal pending, BigDecimal debt,
                            BigDecimal expiringSoon, Integer expiringWithin, NextExpiry nextExpiry, String tier,
                            String nextTier, BigDecimal toNextTier, Instant asOf) {

    /** The balance and lifetime figures of {@code balance}, in points of {@code unit}, as of an instant. */
    static PointsBalance asOf(Balance balance, PointsUnit unit, Instant asOf) {
        return new PointsBalance(balance.memberId(), unit.points(balance.balance()),
                unit.points(balance.lifetimeEarned()), unit.points(balance.lifetimeRedeemed()), null, null, null, null,
                null, null, null, null, null, asOf);
    }

    /** The earliest {@code expiresAt} of the open lots and the {@code points} they hold that expire then. */
    public record NextExpiry(Instant expiresAt, BigDecimal points) {
    }
}

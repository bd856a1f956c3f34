package io.patronage.points.balance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /members/{memberId}/points}. {@code available} can be spent now, {@code pending} is locked for the
 * return window, {@code expiringSoon} expires within {@code expiringWithin} days, {@code nextExpiry} is the earliest
 * expiry of the open lots and the points that expire then (absent when none expires). With {@code ?asOf=} only the
 * balance and lifetime figures are given, folded from the log up to that instant.
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsBalance(String memberId, long balance, long lifetimeEarned, long lifetimeRedeemed,
                            Long available, Long pending, Long debt, Long expiringSoon, Integer expiringWithin,
                            NextExpiry nextExpiry, String tier, String nextTier, BigDecimal toNextTier, Instant asOf) {

    public PointsBalance(String memberId, long balance, long lifetimeEarned, long lifetimeRedeemed) {
        this(memberId, balance, lifetimeEarned, lifetimeRedeemed, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The earliest {@code expiresAt} of the open lots and the {@code points} they hold that expire then. */
    public record NextExpiry(Instant expiresAt, long points) {
    }
}

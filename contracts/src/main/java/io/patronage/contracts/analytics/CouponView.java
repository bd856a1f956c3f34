package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a chain's coupons work, all time: coupons issued ({@code CouponIssued} on {@code loyalty.rewards.v1}) against
 * those used at the till ({@code couponCodes} of {@code PURCHASE} records), and the purchases with a coupon against
 * those without. Compacted on {@code loyalty.analytics.coupons.v1}, keyed {@code chainId|all-time}.
 *
 * @param issued                    coupons issued
 * @param used                      of them, used on a purchase (once each)
 * @param useRate                   used over issued, four decimals; {@code null} before the first coupon
 * @param averageDaysToUse          days from issue to use, averaged over the used coupons, two decimals
 * @param ordersWithCoupon          purchases with at least one coupon code (any code the till sent)
 * @param averageOrderWithCoupon    their spend over their number, two decimals
 */
public record CouponView(String chainId,
                         String period,
                         String currency,
                         long issued,
                         long used,
                         BigDecimal useRate,
                         BigDecimal averageDaysToUse,
                         long ordersWithCoupon,
                         BigDecimal spendWithCoupon,
                         BigDecimal averageOrderWithCoupon,
                         long ordersWithoutCoupon,
                         BigDecimal spendWithoutCoupon,
                         BigDecimal averageOrderWithoutCoupon,
                         Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}

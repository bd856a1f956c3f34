package io.patronage.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The points a chain issued and took back over one period (or all time), from {@code loyalty.points.v1}, by the
 * events' own times in the chain's calendar. Compacted, keyed {@code chainId|period}.
 *
 * @param pointsIssued     earned on purchases and awarded as bonuses
 * @param pointsReversed   taken back for returns
 * @param pointsAdjusted   adjustments by staff, signed
 * @param netPointsIssued  issued − reversed + adjusted
 * @param liabilityChange  how much the outstanding points grew in the period: net issued − redeemed − expired
 * @param liability        for {@code all-time}: the points outstanding (the chain's liability); {@code null} for a
 *                         period
 * @param currency         the chain's ISO 4217 currency
 * @param pointValue       what one point is worth in {@code currency}, as the chain configured it; {@code null} when
 *                         the chain has no point value
 * @param liabilityValue   for {@code all-time}: {@code liability} × {@code pointValue}, rounded half-even to the
 *                         currency's minor units; {@code null} for a period and without a point value
 * @param expiringAsOf     for {@code all-time}: the day (the chain's zone) the expiring points are counted from;
 *                         {@code null} for a period and for a chain none of whose points were ever known to expire
 * @param expiringIn30Days for {@code all-time}: of the liability, the points whose lots expire before
 *                         {@code expiringAsOf} + 30 days (those past their expiry and not yet expired included);
 *                         {@code null} for a period. Likewise {@code expiringIn60Days}, {@code expiringIn90Days}
 * @param isFinal          {@code "final"}: the period has ended on the service clock; {@code false} for the running
 *                         period and for {@code all-time}
 */
public record PointsView(String chainId,
                         String period,
                         BigDecimal pointsIssued,
                         BigDecimal pointsRedeemed,
                         BigDecimal pointsExpired,
                         BigDecimal pointsReversed,
                         BigDecimal pointsAdjusted,
                         BigDecimal netPointsIssued,
                         BigDecimal liabilityChange,
                         BigDecimal liability,
                         String currency,
                         BigDecimal pointValue,
                         BigDecimal liabilityValue,
                         LocalDate expiringAsOf,
                         BigDecimal expiringIn30Days,
                         BigDecimal expiringIn60Days,
                         BigDecimal expiringIn90Days,
                         @JsonProperty("final") boolean isFinal,
                         Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}

package io.patronage.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Program participation of one chain over one period, published to a compacted topic keyed by
 * {@code chainId + "|" + period}: the latest record per key is the current view.
 *
 * @param period                {@code all-time}, or a period of the chain's calendar: a day {@code 2026-11-27}, an
 *                              ISO week {@code 2026-W48}, a month {@code 2026-11}, a quarter {@code 2026-Q4}
 * @param activeMembers         members with at least one purchase in the period
 * @param memberShare           member transactions over all transactions (0 to 1, four decimals); {@code null}
 *                              when there were none
 * @param memberSales           total of the member purchases, in {@code currency}
 * @param nonMemberSales        total of the other purchases
 * @param computedAt            the time of the latest event counted (the same when the view is recomputed)
 * @param isFinal               {@code "final"}: the period has ended on the service clock; {@code false} for the
 *                              running period (its numbers still grow) and for {@code all-time}
 */
public record ParticipationView(String chainId,
                                String period,
                                long enrolledMembers,
                                long activeMembers,
                                long memberTransactions,
                                long nonMemberTransactions,
                                BigDecimal memberShare,
                                String currency,
                                BigDecimal memberSales,
                                BigDecimal nonMemberSales,
                                BigDecimal pointsIssued,
                                BigDecimal pointsRedeemed,
                                @JsonProperty("final") boolean isFinal,
                                Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}

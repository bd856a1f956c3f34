package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One member's value to a chain, net of the returns matched to their purchases, with the member's RFM scores
 * among the chain's buying members. Compacted on {@code loyalty.analytics.customers.v1}, keyed
 * {@code chainId|member|<memberId>}; an erased member's key gets a tombstone.
 *
 * @param spend             purchases' totals minus the returns matched to them, in the chain's currency
 * @param orders            purchases not returned in full
 * @param averageOrderValue spend over orders, two decimals; {@code null} without orders
 * @param firstPurchaseAt   the earliest of those orders ({@code null} without orders)
 * @param recencyScore      1–5: the chain's quintile of the last purchase's time (5 = most recent); 0 without orders
 * @param frequencyScore    1–5: quintile of orders; 0 without orders
 * @param monetaryScore     1–5: quintile of spend; 0 without orders
 * @param rfm               the three scores as one code, {@code "545"}; {@code "000"} without orders
 */
public record CustomerValueView(String chainId,
                                String memberId,
                                String currency,
                                BigDecimal spend,
                                long orders,
                                BigDecimal averageOrderValue,
                                Instant firstPurchaseAt,
                                Instant lastPurchaseAt,
                                int recencyScore,
                                int frequencyScore,
                                int monetaryScore,
                                String rfm,
                                Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|member|" + memberId;
    }
}

package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A chain's customer value: the totals of its buying members, the customer lifetime value
 * (CLV = average order value × purchase frequency × expected lifetime) and its best and worst customers by RFM.
 * Compacted on {@code loyalty.analytics.customers.v1}, keyed {@code chainId|summary}.
 *
 * @param customers             members with at least one order
 * @param averageOrderValue     spend over orders, two decimals
 * @param observedDays          days from the chain's first to its last member order, both included (at least 30)
 * @param purchaseFrequency     orders per customer per year over the observed days, four decimals
 * @param expectedLifetimeYears the chain's configured expected customer lifetime
 * @param clv                   averageOrderValue × purchaseFrequency × expectedLifetimeYears, two decimals
 * @param best                  the top customers, highest RFM first
 * @param worst                 the bottom customers, lowest RFM first
 */
public record CustomerSummaryView(String chainId,
                                  String currency,
                                  long customers,
                                  long orders,
                                  BigDecimal spend,
                                  BigDecimal averageOrderValue,
                                  long observedDays,
                                  BigDecimal purchaseFrequency,
                                  BigDecimal expectedLifetimeYears,
                                  BigDecimal clv,
                                  List<RankedCustomer> best,
                                  List<RankedCustomer> worst,
                                  Instant computedAt) implements IntegrationEvent {

    /** @param rfmTotal recency + frequency + monetary score, 3–15 */
    public record RankedCustomer(String memberId, String rfm, int rfmTotal, BigDecimal spend, long orders) {
    }

    @Override
    public String key() {
        return chainId + "|summary";
    }
}

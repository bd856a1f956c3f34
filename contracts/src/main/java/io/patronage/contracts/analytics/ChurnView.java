package io.patronage.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Churn of one chain over one period (ISO week, month or quarter of the chain's calendar): members active at the
 * start of the period (on the day before it) who are no longer active on its last day. Compacted, keyed
 * {@code chainId|period}.
 *
 * @param activeAtStart members active on the day before the period
 * @param churned       of those, members not active on its last day
 * @param churnRate     churned over activeAtStart, percent with two decimals; {@code null} when none were active
 * @param isFinal       {@code "final"}: the period has ended on the service clock; {@code false} for the running
 *                      period
 */
public record ChurnView(String chainId,
                        String period,
                        long activeAtStart,
                        long churned,
                        BigDecimal churnRate,
                        int activeWindowDays,
                        @JsonProperty("final") boolean isFinal,
                        Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}

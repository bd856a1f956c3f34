package io.patronage.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Customer retention of one chain over one period (an ISO week, month or quarter of the chain's calendar): the
 * retention rate ((E − N) / S) × 100, with a member <em>active</em> on a day when they bought within the
 * {@code activeWindowDays} days ending that day. Compacted, keyed {@code chainId|period}.
 *
 * @param activeAtStart    S: members active on the day before the period
 * @param activeAtEnd      E: members active on the period's last day
 * @param newActiveAtEnd   N: of E, members who enrolled in the period
 * @param retentionRate    percent, two decimals; {@code null} when S is 0
 * @param activeWindowDays the chain's active window
 * @param isFinal          {@code "final"}: the period has ended on the service clock; {@code false} for the running
 *                         period, whose E and N are what is known now
 */
public record RetentionView(String chainId,
                            String period,
                            long activeAtStart,
                            long activeAtEnd,
                            long newActiveAtEnd,
                            BigDecimal retentionRate,
                            int activeWindowDays,
                            @JsonProperty("final") boolean isFinal,
                            Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}

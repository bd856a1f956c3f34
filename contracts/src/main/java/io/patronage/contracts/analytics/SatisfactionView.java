package io.patronage.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Members' satisfaction in one chain over one period (day, ISO week, month, quarter of the chain's calendar, or
 * all time), from the 0–10 scores of {@code SURVEY_COMPLETED} engagement events ("how likely are you to recommend
 * us?"). Compacted, keyed {@code chainId|period}.
 *
 * @param responses        surveys with a score in the period
 * @param averageScore     mean score, two decimals; {@code null} without responses
 * @param promoters        scores 9 and 10
 * @param passives         scores 7 and 8
 * @param detractors       scores 0 to 6
 * @param netPromoterScore (promoters − detractors) / responses × 100, from −100 to 100, two decimals;
 *                         {@code null} without responses
 * @param isFinal          {@code "final"}: the period has ended on the service clock
 */
public record SatisfactionView(String chainId,
                               String period,
                               long responses,
                               BigDecimal averageScore,
                               long promoters,
                               long passives,
                               long detractors,
                               BigDecimal netPromoterScore,
                               @JsonProperty("final") boolean isFinal,
                               Instant computedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return chainId + "|" + period;
    }
}

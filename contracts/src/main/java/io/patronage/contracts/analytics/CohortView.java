package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of a chain's cohort table: the members who enrolled in one month, and for each month since, how many of
 * them bought in it. Published on the retention topic, keyed {@code chainId|cohort|<month>}.
 *
 * @param cohort  the enrollment month, {@code 2026-11} (in the chain's time zone)
 * @param members members enrolled in it
 * @param months  month 0 is the enrollment month; months nobody bought in are listed with 0
 */
public record CohortView(String chainId,
                         String cohort,
                         long members,
                         List<CohortMonth> months,
                         Instant computedAt) implements IntegrationEvent {

    /**
     * @param monthsSinceEnrollment 0 for the enrollment month
     * @param buyers                members of the cohort who bought in that month
     * @param share                 buyers over members, four decimals
     */
    public record CohortMonth(int monthsSinceEnrollment, long buyers, BigDecimal share) {
    }

    @Override
    public String key() {
        return chainId + "|cohort|" + cohort;
    }
}

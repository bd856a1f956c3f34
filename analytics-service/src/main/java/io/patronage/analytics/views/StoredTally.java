package io.patronage.analytics.views;

import io.patronage.analytics.periods.Period;
import io.patronage.analytics.periods.PeriodKind;

/**
 * A chain's tally of one period as the chain stage stores it, keyed {@link #storeKey}.
 *
 * @param revision how many changes it has had: the published view's {@code ce_id} is {@code key@revision}, the same
 *                 when the views are recomputed
 */
public record StoredTally(String chainId, PeriodKind kind, String period, Tally tally, long revision) {

    public static String storeKey(String chainId, PeriodKind kind, String period) {
        return chainId + "|" + kind.label() + "|" + period;
    }

    /** The period this tally counts. */
    public Period asPeriod() {
        return kind.parse(period);
    }

    public StoredTally plus(Tally change) {
        return new StoredTally(chainId, kind, period, tally.plus(change), revision + 1);
    }
}

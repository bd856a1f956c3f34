package io.patronage.analytics.views;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One row of a chain's cohort table as the chain stage stores it, keyed {@code chainId|cohort}. */
public record StoredCohort(String chainId, String cohort, long members, TreeMap<Integer, Long> buyers,
                           Instant computedAt, long revision) {

    public StoredCohort {
        buyers = buyers == null ? new TreeMap<>() : new TreeMap<>(buyers);
    }

    public static String storeKey(String chainId, String cohort) {
        return chainId + "|" + cohort;
    }

    public StoredCohort plus(Fact.CohortChange change, Instant at) {
        TreeMap<Integer, Long> next = new TreeMap<>(buyers);
        for (Map.Entry<Integer, Long> month : change.monthsSince().entrySet()) {
            next.merge(month.getKey(), month.getValue(), Math::addExact);
        }
        Instant latest = computedAt == null || at != null && at.isAfter(computedAt) ? at : computedAt;
        return new StoredCohort(chainId, cohort, Math.addExact(members, change.members()), next, latest, revision + 1);
    }
}

package io.patronage.analytics.views;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chain's points that expire, per expiry day in the chain's zone (ISO dates, so the map is in date order), as the
 * chain stage stores it, keyed by chain id: the sum of the {@code expiryChanges} of the chain's points events, in
 * hundredths of a point.
 *
 * @param publishedAsOf the day the all-time points view was last published for ({@code null}: not yet)
 */
public record StoredExpiries(String chainId, TreeMap<String, Long> byDay, String publishedAsOf) {

    public StoredExpiries {
        byDay = byDay == null ? new TreeMap<>() : new TreeMap<>(byDay);
    }

    public StoredExpiries plus(Map<String, Long> change) {
        TreeMap<String, Long> next = new TreeMap<>(byDay);
        change.forEach((day, points) -> {
            if (next.merge(day, points, Math::addExact) == 0) {
                next.remove(day);
            }
        });
        return new StoredExpiries(chainId, next, publishedAsOf);
    }

    public StoredExpiries publishedAsOf(LocalDate day) {
        return new StoredExpiries(chainId, byDay, day.toString());
    }

    /**
     * The points expiring within 30, 60 and 90 days of {@code today}: those whose expiry day is before
     * {@code today + n} (today included), and those past their expiry that points-service has not expired yet.
     */
    public Expiring asOf(LocalDate today) {
        return new Expiring(today, before(today.plusDays(30)), before(today.plusDays(60)), before(today.plusDays(90)));
    }

    private long before(LocalDate day) {
        return byDay.headMap(day.toString()).values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }

    /** What a chain's all-time points view says of its expiring points, as of a day. */
    public record Expiring(LocalDate asOf, long in30Days, long in60Days, long in90Days) {
    }
}

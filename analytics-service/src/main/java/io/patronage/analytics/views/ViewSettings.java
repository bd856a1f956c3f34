package io.patronage.analytics.views;

import java.time.Duration;
import java.util.Map;

/**
 * @param activeWindowDays   a member is active on a day when they bought within this many days ending that day
 * @param chainWindowDays    the same, per chain, where a chain wants its own
 * @param publishInterval    how often changed views are published (at most once per interval per view)
 */
public record ViewSettings(int activeWindowDays, Map<String, Integer> chainWindowDays, Duration publishInterval) {

    public static final ViewSettings DEFAULTS = new ViewSettings(90, Map.of(), Duration.ofSeconds(1));

    public ViewSettings {
        if (activeWindowDays < 1) {
            throw new IllegalArgumentException("the active window must be at least a day");
        }
        chainWindowDays = Map.copyOf(chainWindowDays);
    }

    public int windowDays(String chainId) {
        return chainWindowDays.getOrDefault(chainId, activeWindowDays);
    }
}

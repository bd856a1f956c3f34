package io.patronage.analytics.views;

import java.time.Duration;
import java.util.Map;

/**
 * @param activeWindowDays   a member is active on a day when they bought within this many days ending that day
 * @param chainWindowDays    the same, per chain, where a chain wants its own
 * @param publishInterval    how often changed views are published (at most once per interval per view)
 * @param dormantAfterDays   a member without a purchase for this many days is on the dormant list
 * @param chainDormantDays   the same, per chain, where a chain wants its own
 */
public record ViewSettings(int activeWindowDays, Map<String, Integer> chainWindowDays, Duration publishInterval,
                           int dormantAfterDays, Map<String, Integer> chainDormantDays) {

    public static final int DORMANT_AFTER_DAYS = 60;
    public static final ViewSettings DEFAULTS = new ViewSettings(90, Map.of(), Duration.ofSeconds(1));

    public ViewSettings {
        if (activeWindowDays < 1 || chainWindowDays.values().stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("the active window must be at least a day");
        }
        if (dormantAfterDays < 1 || chainDormantDays.values().stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("the dormancy period must be at least a day");
        }
        chainWindowDays = Map.copyOf(chainWindowDays);
        chainDormantDays = Map.copyOf(chainDormantDays);
    }

    /** With the default dormancy period. */
    public ViewSettings(int activeWindowDays, Map<String, Integer> chainWindowDays, Duration publishInterval) {
        this(activeWindowDays, chainWindowDays, publishInterval, DORMANT_AFTER_DAYS, Map.of());
    }

    public int windowDays(String chainId) {
        return chainWindowDays.getOrDefault(chainId, activeWindowDays);
    }

    public int dormantAfterDays(String chainId) {
        return chainDormantDays.getOrDefault(chainId, dormantAfterDays);
    }
}

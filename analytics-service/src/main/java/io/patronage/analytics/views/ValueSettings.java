package io.patronage.analytics.views;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the customer-value and basket views.
 *
 * @param topCustomers          how many best and worst customers a chain's summary lists
 * @param lifetimeYears         the expected customer lifetime, in years, of the CLV
 * @param chainLifetimeYears    the same, per chain
 * @param basketLines           how many lines of a receipt (the first ones) the baskets consider
 * @param basketPairs           how many pairs a basket view lists
 * @param returnWindow          how long after a member's purchase a return is matched to it (customer value)
 */
public record ValueSettings(int topCustomers, BigDecimal lifetimeYears, Map<String, BigDecimal> chainLifetimeYears,
                            int basketLines, int basketPairs, Duration returnWindow) {

    public static final ValueSettings DEFAULTS = new ValueSettings(10, new BigDecimal("3"), Map.of(), 20, 20);

    public ValueSettings(int topCustomers, BigDecimal lifetimeYears, Map<String, BigDecimal> chainLifetimeYears,
                         int basketLines, int basketPairs) {
        this(topCustomers, lifetimeYears, chainLifetimeYears, basketLines, basketPairs, Duration.ofDays(365));
    }

    public ValueSettings {
        if (topCustomers < 1 || basketLines < 2 || basketPairs < 1) {
            throw new IllegalArgumentException("top customers and basket pairs must be at least 1, basket lines 2");
        }
        if (returnWindow.isNegative() || returnWindow.isZero()) {
            throw new IllegalArgumentException("the return window must be positive: " + returnWindow);
        }
        if (lifetimeYears.signum() <= 0 || chainLifetimeYears.values().stream().anyMatch(years -> years.signum() <= 0)) {
            throw new IllegalArgumentException("an expected lifetime must be positive");
        }
        chainLifetimeYears = Map.copyOf(chainLifetimeYears);
    }

    public BigDecimal lifetimeYears(String chainId) {
        return chainLifetimeYears.getOrDefault(chainId, lifetimeYears);
    }
}

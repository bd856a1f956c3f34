package io.patronage.contracts.analytics;

import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a chain's customers buy together: the top pairs of products ({@code level} {@code sku}) or of categories
 * ({@code category}) over every purchase of the chain, member or not. Compacted on
 * {@code loyalty.analytics.baskets.v1}, keyed {@code chainId|sku} and {@code chainId|category}.
 *
 * @param level        {@code sku} or {@code category}
 * @param transactions purchases with at least one item of that level
 * @param pairs        most frequent pairs first
 */
public record BasketView(String chainId,
                         String level,
                         long transactions,
                         List<BasketPair> pairs,
                         Instant computedAt) implements IntegrationEvent {

    /**
     * Two items (in alphabetical order) bought in the same purchase.
     *
     * @param together     purchases with both
     * @param support      together over transactions, four decimals
     * @param confidenceAB together over the purchases with {@code a}, four decimals
     * @param confidenceBA together over the purchases with {@code b}, four decimals
     * @param lift         support over (support of a × support of b), four decimals: above 1, bought together more
     *                     often than chance
     */
    public record BasketPair(String a, String b, long together, BigDecimal support, BigDecimal confidenceAB,
                             BigDecimal confidenceBA, BigDecimal lift) {
    }

    @Override
    public String key() {
        return chainId + "|" + level;
    }
}

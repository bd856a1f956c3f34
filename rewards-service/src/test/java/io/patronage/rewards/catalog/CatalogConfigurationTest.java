package io.patronage.rewards.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogConfigurationTest {

    @Test
    void readsRewardsWithNamesPerLanguageAndAnOptionalChain() {
        RewardCatalog catalog = CatalogConfiguration.parse(List.of(
                entry("free-coffee", 100, null),
                entry("tote-bag", 500, "chain-a")));

        Reward coffee = catalog.find("free-coffee", "chain-b").orElseThrow();
        assertEquals(100, coffee.pointsCost());
        assertEquals(30, coffee.couponValidityDays());
        assertEquals("Δωρεάν καφές", coffee.name().get("el"));
        assertEquals(List.of("free-coffee", "tote-bag"), catalog.offeredIn("chain-a").stream().map(Reward::id).toList());
        assertEquals(List.of("free-coffee"), catalog.offeredIn("chain-b").stream().map(Reward::id).toList());
        assertTrue(catalog.find("tote-bag", "chain-b").isEmpty(), "another chain's reward");
        assertEquals(2, catalog.offeredIn(null).size());
    }

    @Test
    void refusesAMisspeltKeyRatherThanMakingARewardFree() {
        Map<String, Object> misspelt = entry("free-coffee", 100, null);
        misspelt.put("pointsCost", misspelt.remove("points-cost"));

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> CatalogConfiguration.parse(List.of(misspelt)));
        assertTrue(failure.getMessage().contains("patronage.rewards.catalog[0]"), failure.getMessage());
    }

    @Test
    void refusesDuplicateIdsAndNonPositiveCostsOrValidity() {
        Map<String, Object> free = entry("tote-bag", 0, null);
        free.put("coupon-validity-days", 0);

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> CatalogConfiguration.parse(List.of(entry("free-coffee", 100, null), entry("free-coffee", 50, null),
                        free)));
        assertTrue(failure.getMessage().contains("free-coffee: id used twice"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tote-bag: points-cost must be positive"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tote-bag: coupon-validity-days must be positive"), failure.getMessage());
    }

    @Test
    void refusesARewardWithoutAName() {
        Map<String, Object> nameless = entry("free-coffee", 100, null);
        nameless.remove("name");

        assertThrows(IllegalArgumentException.class, () -> CatalogConfiguration.parse(List.of(nameless)));
    }

    private static Map<String, Object> entry(String id, int cost, String chainId) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", id);
        entry.put("name", Map.of("en", "Free coffee", "el", "Δωρεάν καφές"));
        entry.put("points-cost", cost);
        entry.put("chain-id", chainId);
        entry.put("coupon-validity-days", 30);
        return entry;
    }
}

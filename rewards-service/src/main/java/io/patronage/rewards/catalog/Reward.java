package io.patronage.rewards.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a member can spend points on.
 *
 * @param name               display name by BCP 47 language tag, e.g. {@code en}, {@code el-GR}
 * @param description        longer text by language tag; may be empty
 * @param chainId            the one chain offering it, or {@code null} when every chain does
 * @param couponValidityDays how long the coupon issued for it stays valid
 */
public record Reward(String id,
                     Map<String, String> name,
                     Map<String, String> description,
                     long pointsCost,
                     String chainId,
                     int couponValidityDays) {

    public Reward {
        name = name == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(name));
        description = description == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(description));
    }

    public boolean offeredIn(String chain) {
        return chainId == null || chainId.equals(chain);
    }
}

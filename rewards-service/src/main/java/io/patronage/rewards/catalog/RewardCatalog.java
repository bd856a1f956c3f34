package io.patronage.rewards.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured rewards (offered by every chain unless an entry names one), in configuration order; checked once when
 * the service starts, then written to the {@link Catalog} as its seed.
 */
public final class RewardCatalog {

    private final Map<String, Reward> rewards = new LinkedHashMap<>();

    public RewardCatalog(List<Reward> rewards) {
        List<String> problems = new ArrayList<>();
        for (Reward reward : rewards) {
            String where = "reward " + reward.id();
            if (reward.id() == null || reward.id().isBlank()) {
                problems.add("a reward has no id");
            } else if (this.rewards.putIfAbsent(reward.id(), reward) != null) {
                problems.add(where + ": id used twice");
            }
            if (reward.name().isEmpty() || reward.name().values().stream().anyMatch(name -> name == null || name.isBlank())) {
                problems.add(where + ": needs a name in at least one language, and no blank names");
            }
            if (reward.pointsCost() <= 0) {
                problems.add(where + ": points-cost must be positive");
            }
            if (reward.couponValidityDays() <= 0) {
                problems.add(where + ": coupon-validity-days must be positive");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid reward catalog: " + String.join("; ", problems));
        }
    }

    /** The rewards a chain's members can redeem, or every reward when {@code chainId} is null. */
    public List<Reward> offeredIn(String chainId) {
        return rewards.values().stream()
                .filter(reward -> chainId == null || reward.offeredIn(chainId))
                .toList();
    }

    /** The reward, if the chain offers it. */
    public Optional<Reward> find(String rewardId, String chainId) {
        return Optional.ofNullable(rewards.get(rewardId)).filter(reward -> reward.offeredIn(chainId));
    }
}

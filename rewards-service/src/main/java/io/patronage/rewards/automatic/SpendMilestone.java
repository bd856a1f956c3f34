package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;
import java.time.Instant;

/** A chain's spend milestone as stored (see {@link SpendMilestoneDefinition}). */
@Introspected
public record SpendMilestone(String id, String chainId, String rewardId, BigDecimal every, Instant updatedAt) {

    boolean sameDefinitionAs(SpendMilestoneDefinition definition) {
        return rewardId.equals(definition.rewardId()) && every.compareTo(definition.every()) == 0;
    }
}

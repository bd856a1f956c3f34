package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Objects;

/** A chain's punch card as stored (see {@link PunchCardDefinition}). */
@Introspected
public record PunchCard(String id,
                        String chainId,
                        String rewardId,
                        int visits,
                        @Nullable String sku,
                        @Nullable String category,
                        Instant updatedAt) {

    boolean sameDefinitionAs(PunchCardDefinition definition) {
        return rewardId.equals(definition.rewardId()) && visits == definition.visits()
                && Objects.equals(sku, definition.sku())
                && Objects.equals(category, definition.category());
    }
}

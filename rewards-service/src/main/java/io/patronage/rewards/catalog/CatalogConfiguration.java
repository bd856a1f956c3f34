package io.patronage.rewards.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.patronage.kit.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link RewardCatalog} from the {@code patronage.rewards.catalog} list of the configuration. */
@Factory
class CatalogConfiguration {

    static final String PROPERTY = "patronage.rewards.catalog";

    // Unknown keys fail: a misspelt "points-cost" must not silently make a reward free.
    private static final ObjectMapper ENTRIES = Json.configure(new ObjectMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Built when the service starts, so a broken catalog stops it at once rather than at the first request. */
    @Context
    RewardCatalog rewardCatalog(Environment environment) {
        return parse(environment.getProperty(PROPERTY, Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .orElse(List.of()));
    }

    static RewardCatalog parse(List<Map<String, Object>> entries) {
        List<Reward> rewards = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                rewards.add(ENTRIES.convertValue(entries.get(i), Entry.class).toReward());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid reward catalog entry " + PROPERTY + "[" + i + "]: "
                        + e.getMessage(), e);
            }
        }
        return new RewardCatalog(rewards);
    }

    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record Entry(String id, Map<String, String> name, Map<String, String> description, long pointsCost,
                 String chainId, int couponValidityDays) {

        Reward toReward() {
            return new Reward(id, name, description, pointsCost, chainId, couponValidityDays);
        }
    }
}

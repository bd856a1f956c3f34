package io.patronage.rewards.catalog;

import io.micronaut.context.annotation.Context;

import java.time.Clock;

/** Writes the configured rewards (every chain's) to the catalog when the service starts. */
@Context
class CatalogSeed {

    CatalogSeed(Catalog catalog, RewardCatalog configured, Clock clock) {
        catalog.seed(configured.offeredIn(null), clock.instant());
    }
}

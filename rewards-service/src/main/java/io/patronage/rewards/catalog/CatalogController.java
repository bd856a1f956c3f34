package io.patronage.rewards.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;

@Controller("/rewards")
class CatalogController {

    private final RewardCatalog catalog;

    CatalogController(RewardCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every reward, or those a chain offers when {@code chainId} is given. */
    @Get
    List<Reward> rewards(@QueryValue @Nullable String chainId) {
        return catalog.offeredIn(chainId);
    }
}

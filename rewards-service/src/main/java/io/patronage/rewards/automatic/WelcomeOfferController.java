package io.patronage.rewards.automatic;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.security.Caller;
import io.patronage.rewards.catalog.Catalog;

import java.time.Clock;
import java.util.Map;

/** A chain's welcome offer: its ops set and withdraw it (audited). */
@Controller("/chains/{chainId}/welcome-offer")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class WelcomeOfferController {

    private static final String KIND = "welcome-offer";

    private final WelcomeOffers offers;
    private final Catalog catalog;
    private final ChainOfferRequests requests;
    private final Clock clock;

    WelcomeOfferController(WelcomeOffers offers, Catalog catalog, ChainOfferRequests requests, Clock clock) {
        this.offers = offers;
        this.catalog = catalog;
        this.requests = requests;
        this.clock = clock;
    }

    /** Each member enrolled from now on gets a coupon of {@code rewardId}. 201 when set first, else 200. */
    @Put
    HttpResponse<WelcomeOffer> save(Caller caller, @PathVariable String chainId,
                                    @Body WelcomeOfferDefinition definition) {
        requests.requireOps(caller, chainId);
        OfferRules.check(catalog, chainId).reward(definition.rewardId()).orRefuse("the welcome offer");
        return requests.saved(caller, chainId, KIND, offers.save(chainId, definition.rewardId(), clock.instant()),
                Map.of("rewardId", definition.rewardId()));
    }

    /**
     * Members enrolled from now on get nothing; coupons it granted stay valid. An offer set again later welcomes the
     * members enrolled from then on. 404 when the chain has none.
     */
    @Delete
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String chainId) {
        requests.requireOps(caller, chainId);
        requests.withdrawn(caller, chainId, KIND, offers.withdraw(chainId, clock.instant()));
    }

    @Get
    WelcomeOffer offer(Caller caller, @PathVariable String chainId) {
        requests.requireOps(caller, chainId);
        return requests.found(chainId, KIND, offers.find(chainId));
    }
}

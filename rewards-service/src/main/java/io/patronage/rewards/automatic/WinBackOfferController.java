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

/** A chain's win-back offer: its ops set it (audited). */
@Controller("/chains/{chainId}/win-back-offer")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class WinBackOfferController {

    private static final String KIND = "win-back-offer";

    private final WinBackOffers offers;
    private final Catalog catalog;
    private final ChainOfferRequests requests;
    private final Clock clock;

    WinBackOfferController(WinBackOffers offers, Catalog catalog, ChainOfferRequests requests, Clock clock) {
        this.offers = offers;
        this.catalog = catalog;
        this.requests = requests;
        this.clock = clock;
    }

    /** Each member who falls dormant from today on gets a coupon of {@code rewardId}. 201 when set first, else 200. */
    @Put
    HttpResponse<WinBackOffer> save(Caller caller, @PathVariable String chainId,
                                    @Body WinBackOfferDefinition definition) {
        requests.requireOps(caller, chainId);
        OfferRules.check(catalog, chainId).reward(definition.rewardId()).orRefuse("the win-back offer");
        return requests.saved(caller, chainId, KIND, offers.save(chainId, definition.rewardId(), clock.instant()),
                Map.of("rewardId", definition.rewardId()));
    }

    /** Withdraws the chain's offer: nothing more is granted; coupons granted stay valid. */
    @Delete
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String chainId) {
        requests.requireOps(caller, chainId);
        requests.withdrawn(caller, chainId, KIND, offers.withdraw(chainId, clock.instant()));
    }

    @Get
    WinBackOffer offer(Caller caller, @PathVariable String chainId) {
        requests.requireOps(caller, chainId);
        return requests.found(chainId, KIND, offers.find(chainId));
    }
}

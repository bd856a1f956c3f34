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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A chain's birthday offer: its ops set it (audited). */
@Controller("/chains/{chainId}/birthday-offer")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BirthdayOfferController {

    private static final String KIND = "birthday-offer";
    private static final Set<String> WHEN = Arrays.stream(BirthdayOffer.When.values()).map(Enum::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final BirthdayOffers offers;
    private final Catalog catalog;
    private final ChainOfferRequests requests;
    private final Clock clock;

    BirthdayOfferController(BirthdayOffers offers, Catalog catalog, ChainOfferRequests requests, Clock clock) {
        this.offers = offers;
        this.catalog = catalog;
        this.requests = requests;
        this.clock = clock;
    }

    /** Each member's birthday from today on earns a coupon of {@code rewardId}. 201 when set first, else 200. */
    @Put
    HttpResponse<BirthdayOffer> save(Caller caller, @PathVariable String chainId,
                                     @Body BirthdayOfferDefinition definition) {
        requests.requireOps(caller, chainId);
        OfferRules.check(catalog, chainId).reward(definition.rewardId()).oneOf("when", definition.when(), WHEN)
                .orRefuse("the birthday offer");
        BirthdayOffer.When when = BirthdayOffer.When.valueOf(definition.when());
        SavedOffer<BirthdayOffer> saved = offers.save(chainId, definition.rewardId(), when, clock.instant());
        return requests.saved(caller, chainId, KIND, saved,
                Map.of("rewardId", definition.rewardId(), "when", when.name()));
    }

    /** Withdraws the chain's offer: nothing more is granted; coupons granted stay valid. */
    @Delete
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String chainId) {
        requests.requireOps(caller, chainId);
        requests.withdrawn(caller, chainId, KIND, offers.withdraw(chainId, clock.instant()));
    }

    @Get
    BirthdayOffer offer(Caller caller, @PathVariable String chainId) {
        requests.requireOps(caller, chainId);
        return requests.found(chainId, KIND, offers.find(chainId));
    }
}

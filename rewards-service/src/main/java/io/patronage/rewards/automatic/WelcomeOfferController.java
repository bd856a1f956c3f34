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
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.RewardRules;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A chain's welcome offer: its ops set and withdraw it (audited). */
@Controller("/chains/{chainId}/welcome-offer")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class WelcomeOfferController {

    private final WelcomeOffers offers;
    private final Catalog catalog;
    private final ChainDirectory chains;
    private final AuditTrail audit;
    private final Clock clock;

    WelcomeOfferController(WelcomeOffers offers, Catalog catalog, ChainDirectory chains, AuditTrail audit,
                           Clock clock) {
        this.offers = offers;
        this.catalog = catalog;
        this.chains = chains;
        this.audit = audit;
        this.clock = clock;
    }

    /** Each member enrolled from now on gets a coupon of {@code rewardId}. 201 when set first, else 200. */
    @Put
    HttpResponse<WelcomeOffer> save(Caller caller, @PathVariable String chainId,
                                    @Body WelcomeOfferDefinition definition) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        String rewardId = definition.rewardId();
        if (rewardId == null || !RewardRules.ID.matcher(rewardId).matches()
                || catalog.find(rewardId, chainId).isEmpty()) {
            DefinitionProblems.requireNone("the welcome offer", List.of(new Problem.FieldError("rewardId",
                    rewardId == null || rewardId.isBlank() ? "is required" : "must be an active reward the chain offers")));
        }
        WelcomeOffers.Saved saved = offers.save(chainId, rewardId, clock.instant());
        if (saved.changed()) {
            audit.record(caller, chainId, "welcome-offer.updated", chainId,
                    Map.of("created", saved.created(), "rewardId", rewardId));
        }
        return saved.created()
                ? HttpResponse.created(saved.offer(), URI.create("/chains/" + chainId + "/welcome-offer"))
                : HttpResponse.ok(saved.offer());
    }

    /**
     * Members enrolled from now on get nothing; coupons it granted stay valid. An offer set again later welcomes the
     * members enrolled from then on. 404 when the chain has none.
     */
    @Delete
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String chainId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        if (!offers.withdraw(chainId, clock.instant())) {
            throw ProblemException.notFound("welcome offer of chain", chainId);
        }
        audit.record(caller, chainId, "welcome-offer.withdrawn", chainId, Map.of());
    }

    @Get
    WelcomeOffer offer(Caller caller, @PathVariable String chainId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        return offers.find(chainId).orElseThrow(() -> ProblemException.notFound("welcome offer of chain", chainId));
    }
}

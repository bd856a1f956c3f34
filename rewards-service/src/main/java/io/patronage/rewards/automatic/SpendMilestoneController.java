package io.patronage.rewards.automatic;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.catalog.Catalog;

import java.net.URI;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Spend milestones: a chain's ops define them (audited). */
@Controller("/chains/{chainId}/spend-milestones")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SpendMilestoneController {

    private final SpendMilestones milestones;
    private final Catalog catalog;
    private final ChainDirectory chains;
    private final AuditTrail audit;
    private final Clock clock;

    SpendMilestoneController(SpendMilestones milestones, Catalog catalog, ChainDirectory chains, AuditTrail audit,
                             Clock clock) {
        this.milestones = milestones;
        this.catalog = catalog;
        this.chains = chains;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every {@code every} of a member's lifetime spend earns a coupon of {@code rewardId}, no points spent. 201 when
     * created, 200 when updated (or unchanged).
     */
    @Put("/{milestoneId}")
    HttpResponse<SpendMilestone> save(Caller caller, @PathVariable String chainId, @PathVariable String milestoneId,
                                      @Body SpendMilestoneDefinition definition) {
        caller.requireChain(chainId, Roles.OPS);
        ChainConfigured chain = chains.require(chainId);
        List<Problem.FieldError> problems = SpendMilestoneRules.problems(milestoneId, definition,
                rewardId -> catalog.find(rewardId, chainId).isPresent(), Currency.getInstance(chain.currency()));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "the spend milestone is invalid: "
                    + problems.get(0).field() + " " + problems.get(0).message(), problems);
        }
        SpendMilestones.Saved saved = milestones.save(chainId, milestoneId, definition, clock.instant());
        if (saved.changed()) {
            audit.record(caller, chainId, "spend-milestone.updated", milestoneId,
                    Map.of("created", saved.created(), "definition", definition));
        }
        return saved.created()
                ? HttpResponse.created(saved.milestone(),
                        URI.create("/chains/" + chainId + "/spend-milestones/" + milestoneId))
                : HttpResponse.ok(saved.milestone());
    }

    @Get("/{milestoneId}")
    SpendMilestone milestone(Caller caller, @PathVariable String chainId, @PathVariable String milestoneId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        return milestones.find(chainId, milestoneId)
                .orElseThrow(() -> ProblemException.notFound("spend milestone", milestoneId));
    }
}

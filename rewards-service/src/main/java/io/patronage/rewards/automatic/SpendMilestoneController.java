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
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.members.MemberDirectory;

import java.net.URI;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Spend milestones: a chain's ops define and withdraw them (audited), a member (or ops of their chain) follows the
 * member's progress.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SpendMilestoneController {

    private final SpendMilestones milestones;
    private final LifetimeSpend spend;
    private final Catalog catalog;
    private final ChainDirectory chains;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final Clock clock;

    SpendMilestoneController(SpendMilestones milestones, LifetimeSpend spend, Catalog catalog, ChainDirectory chains,
                             MemberDirectory members, AuditTrail audit, Clock clock) {
        this.milestones = milestones;
        this.spend = spend;
        this.catalog = catalog;
        this.chains = chains;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every {@code every} of a member's lifetime spend earns a coupon of {@code rewardId}, no points spent. 201 when
     * created (also again after a withdrawal), 200 when updated (or unchanged).
     */
    @Put("/chains/{chainId}/spend-milestones/{milestoneId}")
    HttpResponse<SpendMilestone> save(Caller caller, @PathVariable String chainId, @PathVariable String milestoneId,
                                      @Body SpendMilestoneDefinition definition) {
        caller.requireChain(chainId, Roles.OPS);
        ChainConfigured chain = chains.require(chainId);
        DefinitionProblems.requireNone("the spend milestone", SpendMilestoneRules.problems(milestoneId, definition,
                rewardId -> catalog.find(rewardId, chainId).isPresent(), Currency.getInstance(chain.currency())));
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

    @Get("/chains/{chainId}/spend-milestones/{milestoneId}")
    SpendMilestone milestone(Caller caller, @PathVariable String chainId, @PathVariable String milestoneId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        return milestones.find(chainId, milestoneId)
                .orElseThrow(() -> ProblemException.notFound("spend milestone", milestoneId));
    }

    /** It grants nothing more; coupons it granted stay valid. 404 for an unknown (or withdrawn) milestone. */
    @Delete("/chains/{chainId}/spend-milestones/{milestoneId}")
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String chainId, @PathVariable String milestoneId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        if (!milestones.withdraw(chainId, milestoneId, clock.instant())) {
            throw ProblemException.notFound("spend milestone", milestoneId);
        }
        audit.record(caller, chainId, "spend-milestone.withdrawn", milestoneId, Map.of());
    }

    /** The member's lifetime spend and progress towards each of their chain's milestones. */
    @Get("/members/{memberId}/spend-milestones")
    List<MemberSpendMilestone> memberMilestones(Caller caller, @PathVariable String memberId) {
        String chainId = members.chainOf(memberId).filter(chain -> caller.maySeeMember(memberId, chain, Roles.OPS))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
        Currency currency = Currency.getInstance(chains.require(chainId).currency());
        LifetimeSpend.Spend spent = spend.find(chainId, memberId);
        return milestones.ofChain(chainId).stream().map(milestone -> {
            long every = SpendMilestonePolicy.minorUnits(milestone.every(), currency);
            long next = SpendMilestonePolicy.nextThreshold(spent.granted(milestone.id()), every);
            return new MemberSpendMilestone(milestone.id(), milestone.rewardId(), milestone.every(),
                    currency.getCurrencyCode(), spent.spent(), SpendMilestonePolicy.amount(spent.spent(), currency),
                    spent.granted(milestone.id()), SpendMilestonePolicy.amount(next, currency),
                    SpendMilestonePolicy.amount(SpendMilestonePolicy.leftTo(next, spent.spent()), currency));
        }).toList();
    }
}

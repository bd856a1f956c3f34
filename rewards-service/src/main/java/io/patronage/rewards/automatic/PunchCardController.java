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
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.members.MemberDirectory;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Punch cards: a chain's ops define and withdraw them (audited), a member (or ops of their chain) follows the member's progress.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PunchCardController {

    private final PunchCards punchCards;
    private final PunchCardProgress progress;
    private final Catalog catalog;
    private final ChainDirectory chains;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final Clock clock;

    PunchCardController(PunchCards punchCards, PunchCardProgress progress, Catalog catalog, ChainDirectory chains,
                        MemberDirectory members, AuditTrail audit, Clock clock) {
        this.punchCards = punchCards;
        this.progress = progress;
        this.catalog = catalog;
        this.chains = chains;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every {@code visits}-th qualifying visit earns a coupon of {@code rewardId}, no points spent. 201 when created
     * (also again after a withdrawal: the members' progress goes on), 200 when updated (or unchanged). A change
     * applies to the visits after it.
     */
    @Put("/chains/{chainId}/punch-cards/{punchCardId}")
    HttpResponse<PunchCard> save(Caller caller, @PathVariable String chainId, @PathVariable String punchCardId,
                                 @Body PunchCardDefinition definition) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        DefinitionProblems.requireNone("the punch card", PunchCardRules.problems(punchCardId, definition,
                rewardId -> catalog.find(rewardId, chainId).isPresent()));
        PunchCards.Saved saved = punchCards.save(chainId, punchCardId, definition, clock.instant());
        if (saved.changed()) {
            audit.record(caller, chainId, "punch-card.updated", punchCardId,
                    Map.of("created", saved.created(), "definition", definition));
        }
        return saved.created()
                ? HttpResponse.created(saved.card(), URI.create("/chains/" + chainId + "/punch-cards/" + punchCardId))
                : HttpResponse.ok(saved.card());
    }

    @Get("/chains/{chainId}/punch-cards/{punchCardId}")
    PunchCard punchCard(Caller caller, @PathVariable String chainId, @PathVariable String punchCardId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        return punchCards.find(chainId, punchCardId)
                .orElseThrow(() -> ProblemException.notFound("punch card", punchCardId));
    }

    /**
     * It stamps and grants nothing more, and the members' progress on it is no longer listed; coupons it granted stay
     * valid. 404 for an unknown (or withdrawn) punch card.
     */
    @Delete("/chains/{chainId}/punch-cards/{punchCardId}")
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(Caller caller, @PathVariable String chainId, @PathVariable String punchCardId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        if (!punchCards.withdraw(chainId, punchCardId, clock.instant())) {
            throw ProblemException.notFound("punch card", punchCardId);
        }
        audit.record(caller, chainId, "punch-card.withdrawn", punchCardId, Map.of());
    }

    /** The member's progress on each of their chain's punch cards, all at once (a chain has a handful). */
    @Get("/members/{memberId}/punch-cards")
    List<MemberPunchCard> memberPunchCards(Caller caller, @PathVariable String memberId) {
        String chainId = members.chainOf(memberId).filter(chain -> caller.maySeeMember(memberId, chain, Roles.OPS))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
        return punchCards.ofChain(chainId).stream().map(card -> {
            PunchCardProgress.Progress member = progress.find(chainId, memberId, card.id());
            return new MemberPunchCard(card.id(), card.rewardId(), card.visits(), card.sku(), card.category(),
                    PunchCardPolicy.stampsOnCurrentCard(member.stamps(), member.rewarded(), card.visits()),
                    member.rewarded());
        }).toList();
    }
}

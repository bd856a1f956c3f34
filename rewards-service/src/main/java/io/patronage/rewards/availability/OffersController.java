package io.patronage.rewards.availability;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.Reward;
import io.patronage.rewards.members.MemberDirectory;
import io.patronage.rewards.paging.Page;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

@Controller("/rewards")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OffersController {

    private final Catalog catalog;
    private final MemberDirectory members;
    private final MemberStandings standings;
    private final Reservations reservations;
    private final ChainZones zones;
    private final Clock clock;

    OffersController(Catalog catalog, MemberDirectory members, MemberStandings standings, Reservations reservations,
                     ChainZones zones, Clock clock) {
        this.catalog = catalog;
        this.members = members;
        this.standings = standings;
        this.reservations = reservations;
        this.zones = zones;
        this.clock = clock;
    }

    /** A reward as one member sees it: whether they can redeem it now, and every reason why not. */
    record Offer(@JsonUnwrapped Reward reward, boolean redeemable, List<Eligibility.Reason> reasons) {
    }

    /**
     * The active rewards of a chain (or of every chain), for ops of that chain (of every chain); with
     * {@code memberId}, those of the member's chain, each with whether the member can redeem it now and why not, for
     * the member themself or ops of their chain (anyone else is answered as for an unknown member). A page at a time:
     * while more follow, the {@code Link} header ({@code rel="next"}) gives the request for the next page.
     */
    @Get
    @ApiResponse(responseCode = "200", description = "a page of the rewards (with memberId: of the member's offers)",
            headers = @Header(name = "Link", description = Page.LINK))
    HttpResponse<? extends List<?>> rewards(Caller caller, HttpRequest<?> request,
                                            @QueryValue @Nullable String chainId, @QueryValue @Nullable String memberId,
                                            @Parameter(description = Page.LIMIT) @Nullable @QueryValue Integer limit,
                                            @Parameter(description = Page.AFTER) @Nullable @QueryValue String after) {
        if (memberId == null) {
            caller.requireChain(chainId == null ? Caller.EVERY_CHAIN : chainId, Roles.OPS);
            return Page.of(catalog.offeredIn(chainId), OffersController::key, limit, after).response(request);
        }
        String chain = members.chainOf(memberId).filter(found -> caller.maySeeMember(memberId, found, Roles.OPS))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
        if (chainId != null && !chainId.equals(chain)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "member " + memberId
                    + " is not a member of chain " + chainId, List.of(new Problem.FieldError("chainId",
                    "is not the member's chain")));
        }
        Page<Reward> page = Page.of(catalog.offeredIn(chain), OffersController::key, limit, after);
        Instant now = clock.instant();
        ZoneId zone = zones.of(chain);
        Eligibility.Standing standing = standings.of(memberId);
        boolean inProgram = members.takesOffers(memberId, chain);
        return page.map(reward -> {
            List<Eligibility.Reason> reasons = new ArrayList<>(Eligibility.reasons(reward, zone, now, standing,
                    reservations.taken(chain, reward), reservations.takenBy(chain, reward, memberId, now, zone)));
            if (!inProgram) {
                reasons.add(0, Eligibility.Reason.MEMBERSHIP_ENDED);
            }
            return new Offer(reward, reasons.isEmpty(), reasons);
        }).response(request);
    }

    /** A reward's place in a list of several chains' rewards: its chain ({@code *}: every chain's) and id. */
    private static String key(Reward reward) {
        return (reward.chainId() == null ? "*" : reward.chainId()) + "/" + reward.id();
    }
}

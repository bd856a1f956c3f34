package io.patronage.rewards.coupons;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.members.MemberDirectory;
import io.patronage.rewards.paging.Page;

import java.time.Clock;
import java.util.List;

/** A member's coupons: for the member themself, ops of their chain, and a till (pos) of their chain checking one. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CouponController {

    private final MemberDirectory members;
    private final MemberCoupons coupons;
    private final Clock clock;

    CouponController(MemberDirectory members, MemberCoupons coupons, Clock clock) {
        this.members = members;
        this.coupons = coupons;
        this.clock = clock;
    }

    /**
     * The member's coupons, oldest first, a page at a time: while more follow, the {@code Link} header
     * ({@code rel="next"}) gives the request for the next page.
     */
    @Get("/members/{memberId}/coupons")
    @ApiResponse(responseCode = "200", description = "a page of the member's coupons",
            headers = @Header(name = "Link", description = Page.LINK))
    HttpResponse<List<Coupon>> coupons(Caller caller, HttpRequest<?> request,
                                       @PathVariable String memberId,
                                       @Parameter(description = Page.LIMIT) @Nullable @QueryValue Integer limit,
                                       @Parameter(description = Page.AFTER) @Nullable @QueryValue String after) {
        if (members.chainOf(memberId).filter(chain -> caller.maySeeMember(memberId, chain, Roles.OPS, Roles.POS))
                .isEmpty()) {
            throw ProblemException.notFound("member", memberId);
        }
        return Page.of(coupons.of(memberId, clock.instant()), Coupon::couponCode, limit, after).response(request);
    }
}

package io.patronage.rewards.coupons;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.members.MemberDirectory;

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

    @Get("/members/{memberId}/coupons")
    List<Coupon> coupons(@Parameter(hidden = true) Caller caller, @PathVariable String memberId) {
        if (members.chainOf(memberId).filter(chain -> caller.maySeeMember(memberId, chain, Roles.OPS, Roles.POS))
                .isEmpty()) {
            throw ProblemException.notFound("member", memberId);
        }
        return coupons.of(memberId, clock.instant());
    }
}

package io.patronage.rewards.coupons;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.kit.http.ProblemException;
import io.patronage.rewards.members.MemberDirectory;

import java.time.Clock;
import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CouponController {

    private final MemberDirectory members;
    private final MemberCoupons coupons;
    private final Clock clock;

    CouponController(MemberDirectory members, MemberCoupons coupons, Clock clock) {
        this.clock = clock;
        this.members = members;
        this.coupons = coupons;
    }

    @Get("/members/{memberId}/coupons")
    List<Coupon> coupons(@PathVariable String memberId) {
        if (members.chainOf(memberId).isEmpty()) {
            throw ProblemException.notFound("member", memberId);
        }
        return coupons.of(memberId, clock.instant());
    }
}

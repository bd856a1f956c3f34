package io.patronage.points.balance;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.patronage.kit.http.ProblemException;

@Controller("/members/{memberId}/points")
class BalanceController {

    private final BalanceStore balances;

    BalanceController(BalanceStore balances) {
        this.balances = balances;
    }

    @Get
    PointsBalance balance(String memberId) {
        Balance balance = balances.find(memberId)
                .orElseThrow(() -> ProblemException.notFound("points account for member", memberId));
        return new PointsBalance(balance.memberId(), balance.balance(), balance.lifetimeEarned(),
                balance.lifetimeRedeemed());
    }
}

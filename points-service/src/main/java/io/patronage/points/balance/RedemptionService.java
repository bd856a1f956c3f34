package io.patronage.points.balance;

import io.patronage.points.errors.PointsException;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.SpendPoints;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * A till or an operator paying with a member's points ({@link SpendPoints}): redeemed (all, or what is available when
 * the program clamps) or refused; a request id is answered once, a repeat gets the same answer.
 */
@Singleton
public class RedemptionService {

    private final CommandGateway commands;
    private final Clock clock;

    RedemptionService(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * What a redemption did: asked for {@code requested}, redeemed {@code redeemed}, leaving {@code balance}, in
     * points.
     */
    public record Redeemed(String requestId, BigDecimal requested, BigDecimal redeemed, BigDecimal balance,
                           boolean repeated) {
    }

    /** Redeems {@code points}, in points of the chain's {@code unit}. */
    public Redeemed redeem(String memberId, String requestId, BigDecimal points, String reason, PointsUnit unit) {
        SpendPoints.Spent spent;
        try {
            spent = commands.sendAndWait(new SpendPoints(memberId, requestId, points == null ? 0 : unit.units(points),
                    reason, clock.instant()));
        } catch (IllegalArgumentException e) {
            throw new PointsException.InvalidRequest(e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new PointsException.NotFound("points account for member", memberId);
        }
        if (spent.answer() instanceof PointsRedemptionRejected rejected) {
            throw new PointsException.RedemptionRejected("request " + requestId + " of "
                    + unit.points(rejected.points()).toPlainString() + " points was rejected: " + rejected.reason()
                    + " (balance " + unit.points(rejected.balance()).toPlainString() + ")");
        }
        PointsRedeemed redeemed = (PointsRedeemed) spent.answer();
        return new Redeemed(requestId, unit.points(redeemed.requestedPoints()), unit.points(redeemed.points()),
                unit.points(redeemed.balanceAfter()), spent.repeated());
    }
}

package io.patronage.points.balance;

import io.patronage.points.errors.PointsException;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.SpendPoints;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

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

    /** What a redemption did: asked for {@code requested}, redeemed {@code redeemed}, leaving {@code balance}. */
    public record Redeemed(String requestId, long requested, long redeemed, long balance, boolean repeated) {
    }

    public Redeemed redeem(String memberId, String requestId, Long points, String reason) {
        SpendPoints.Spent spent;
        try {
            spent = commands.sendAndWait(new SpendPoints(memberId, requestId, points == null ? 0 : points, reason,
                    clock.instant()));
        } catch (IllegalArgumentException e) {
            throw new PointsException.InvalidRequest(e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new PointsException.NotFound("points account for member", memberId);
        }
        if (spent.answer() instanceof PointsRedemptionRejected rejected) {
            throw new PointsException.RedemptionRejected("request " + requestId + " of " + rejected.points()
                    + " points was rejected: " + rejected.reason() + " (balance " + rejected.balance() + ")");
        }
        PointsRedeemed redeemed = (PointsRedeemed) spent.answer();
        return new Redeemed(requestId, redeemed.requestedPoints(), redeemed.points(), redeemed.balanceAfter(),
                spent.repeated());
    }
}

package io.patronage.points.balance;

import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.errors.PointsException;
import io.patronage.points.ledger.PointsUnit;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Operators' corrections of a member's balance. The balance after is read from the balance read model, which the
 * projection wrote when the adjustment's unit of work committed (before the command answered).
 */
@Singleton
public class AdjustmentService {

    private static final String ACCOUNT = "points account for member";

    private final CommandGateway commands;
    private final BalanceStore balances;
    private final Clock clock;

    AdjustmentService(CommandGateway commands, BalanceStore balances, Clock clock) {
        this.clock = clock;
        this.commands = commands;
        this.balances = balances;
    }

    /** What an adjustment did: its id (generated when none was given) and the balance after, in points. */
    public record Adjusted(String adjustmentId, BigDecimal points, BigDecimal balance) {
    }

    /**
     * Adjusts the balance by {@code points} (signed, in points of the chain's {@code unit}); an {@code adjustmentId}
     * counts once. A credit's lot expires at {@code expiresAt} when given, else as the program says.
     */
    public Adjusted adjust(String memberId, String adjustmentId, BigDecimal points, String reason, String actor,
                           Instant expiresAt, PointsUnit unit) {
        String id = adjustmentId == null ? UUID.randomUUID().toString() : adjustmentId;
        try {
            long signed = points == null ? 0 : unit.units(points);
            commands.sendAndWait(new AdjustPoints(memberId, id, signed, reason, actor, clock.instant(), expiresAt));
        } catch (IllegalArgumentException e) {
            throw new PointsException.InvalidRequest(e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new PointsException.NotFound(ACCOUNT, memberId);
        } catch (IllegalStateException e) {
            throw new PointsException.AdjustmentRefused(e.getMessage());
        } catch (CommandExecutionException e) {
            // the framework's own wording would leak into the answer; the cause is logged by the command bus
            throw new PointsException.AdjustmentRefused("the account refused the adjustment");
        }
        long balance = balances.find(memberId).orElseThrow(() -> new PointsException.NotFound(ACCOUNT, memberId))
                .balance();
        return new Adjusted(id, points, unit.points(balance));
    }
}

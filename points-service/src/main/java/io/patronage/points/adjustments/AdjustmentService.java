package io.patronage.points.adjustments;

import io.patronage.points.errors.PointsException;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Instant;
import java.util.UUID;

/** Operators' corrections of a member's balance. */
@Singleton
public class AdjustmentService {

    private final CommandGateway commands;

    AdjustmentService(CommandGateway commands) {
        this.commands = commands;
    }

    /** What an adjustment did: its id (generated when none was given) and the balance after. */
    public record Adjusted(String adjustmentId, long points, long balance) {
    }

    /** Adjusts the balance by {@code points} (signed); an {@code adjustmentId} counts once. */
    public Adjusted adjust(String memberId, String adjustmentId, Long points, String reason, String actor) {
        String id = adjustmentId == null ? UUID.randomUUID().toString() : adjustmentId;
        long signed = points == null ? 0 : points;
        try {
            long balance = commands.sendAndWait(new AdjustPoints(memberId, id, signed, reason, actor, Instant.now()));
            return new Adjusted(id, signed, balance);
        } catch (IllegalArgumentException e) {
            throw new PointsException.InvalidRequest(e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new PointsException.NotFound("points account for member", memberId);
        } catch (IllegalStateException | CommandExecutionException e) {
            throw new PointsException.AdjustmentRefused(e.getMessage());
        }
    }
}

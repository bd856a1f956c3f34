package io.patronage.points.intake;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.kit.kafka.DispatchingListener;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.contracts.points.PointsCreditRequested;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.publishing.PointsEventPublisher;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Clock;
import java.util.List;

/**
 * Answers debit requests (from the rewards saga): {@link RedeemPoints} on the member's account, whose
 * answer goes out as an event; a member without an account is rejected with {@code UNKNOWN_MEMBER}; a
 * request answered before gets the same answer again; one with points finer than the chain's is rejected with
 * {@code INVALID_POINTS} (no account event). A credit request (the rewards saga giving back a debit that came
 * too late) is an {@link AdjustPoints} whose adjustment id is the request id, so it counts once; one for a member
 * without an account is dropped (there is nothing to give back to).
 */
@Singleton
class PointsRequestsListener extends DispatchingListener {

    private final CommandGateway commands;
    private final PointsEventPublisher publisher;
    private final ProgramCatalog programs;
    private final Clock clock;

    PointsRequestsListener(CommandGateway commands, PointsEventPublisher publisher, ProgramCatalog programs,
                           Clock clock) {
        this.commands = commands;
        this.programs = programs;
        this.publisher = publisher;
        this.clock = clock;
        on(PointsDebitRequested.class, (request, message) -> handle(request),
                (request, message) -> publisher.rejectUnknownMember(request, clock.instant()));
        on(PointsCreditRequested.class, (request, message) -> commands.sendAndWait(new AdjustPoints(
                request.memberId(), request.requestId(), units(request), request.reason(), "rewards-service",
                request.requestedAt() == null ? clock.instant() : request.requestedAt())), ignore());
    }

    @Override
    public String name() {
        return "points-requests";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.POINTS_REQUESTS);
    }

    /** A credit's points in the unit of its chain (whole points for a request without one, as every older one). */
    private long units(PointsCreditRequested request) {
        return (request.chainId() == null ? PointsUnit.WHOLE : programs.unit(request.chainId())).units(request.points());
    }

    private void handle(PointsDebitRequested request) {
        RedeemPoints command = new RedeemPoints(request.memberId(), request.requestId(), request.points(),
                request.reason(), clock.instant());
        AnsweredRequest earlier;
        try {
            earlier = commands.sendAndWait(command);
        } catch (IllegalArgumentException finer) {
            publisher.rejectInvalidPoints(request, finer.getMessage(), clock.instant());
            return;
        }
        if (earlier != null) {
            publisher.republish(earlier);
        }
    }
}

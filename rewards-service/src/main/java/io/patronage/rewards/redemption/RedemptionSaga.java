package io.patronage.rewards.redemption;

import io.patronage.rewards.availability.ReservationRelease;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Carries a redemption across services: once points-service has debited the points (the request goes
 * out with the stored {@code RedemptionRequested}, see {@link RedemptionPublisher}), it issues the
 * coupon. Its state is stored as JSON (fields only); collaborators arrive as handler parameters.
 */
public class RedemptionSaga {

    private static final String ASSOCIATION = "redemptionId";

    private String redemptionId;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(RedemptionRequested event) {
        redemptionId = event.redemptionId();
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(PointsDebited event, CouponCodes couponCodes, CommandGateway commands) {
        commands.sendAndWait(new IssueCoupon(redemptionId, couponCodes.next(), event.debitedAt()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(CouponIssued event) {
        // the member has the coupon: nothing left to coordinate
    }

    /** Nothing was debited; the reserved unit of stock (and of the member's limit) goes back. */
    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(RedemptionRejected event, ReservationRelease reservations) {
        reservations.release(event.redemptionId());
    }
}

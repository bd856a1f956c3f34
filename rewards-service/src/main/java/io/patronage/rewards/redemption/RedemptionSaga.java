package io.patronage.rewards.redemption;

import io.patronage.rewards.availability.ReservationRelease;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Carries a redemption across services: the stock is reserved when it is requested; once points-service has debited
 * the points (the request goes out with the stored {@code RedemptionRequested}, see {@link RedemptionPublisher}), it
 * issues the coupon; a refusal or the deadline (see {@link RedemptionDeadlines}) gives the stock back. Its state is stored as JSON (fields only); collaborators arrive as handler parameters.
 */
public class RedemptionSaga {

    private static final String ASSOCIATION = "redemptionId";

    private String redemptionId;
    private String memberId;
    private String chainId;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(RedemptionRequested event) {
        redemptionId = event.redemptionId();
        memberId = event.memberId();
        chainId = event.chainId();
    }

    /** The code is claimed for the chain first, so no two coupons of a chain share one. */
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(PointsDebited event, CouponCodeClaims couponCodes, CommandGateway commands) {
        commands.sendAndWait(new IssueCoupon(redemptionId, couponCodes.claim(chainId, memberId, redemptionId),
                event.debitedAt()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(CouponIssued event) {
        // the member has the coupon: nothing left to coordinate
    }

    /** No answer in time: the stock goes back; a debit that still comes is given back by the aggregate. */
    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(RedemptionExpired event, ReservationRelease reservations) {
        reservations.release(event.redemptionId());
    }

    /** Nothing was debited (or a partial debit is given back); the reserved unit of stock (and of the member's limit) goes back. */
    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    public void on(RedemptionRejected event, ReservationRelease reservations) {
        reservations.release(event.redemptionId());
    }
}

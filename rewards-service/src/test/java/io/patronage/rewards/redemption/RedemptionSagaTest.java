package io.patronage.rewards.redemption;

import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.rewards.availability.ReservationRelease;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedemptionSagaTest {

    private static final String ID = "r-1";
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DEBITED_AT = Instant.parse("2026-03-01T09:00:02Z");
    private static final RedemptionRequested REQUESTED =
            new RedemptionRequested(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT);
    private static final PointsDebited DEBITED = new PointsDebited(ID, 100, DEBITED_AT);

    private final List<String> released = new ArrayList<>();
    private SagaTestFixture<RedemptionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RedemptionSaga.class);
        fixture.registerResource((CouponCodes) () -> "BCD2345678");
        fixture.registerResource((ReservationRelease) released::add);
        fixture.registerResource((CouponCodeClaims) (chain, member, redemption) -> "BCD2345678");
    }

    @Test
    void aRequestedRedemptionWaitsForTheDebit() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(REQUESTED)
                .expectActiveSagas(1)
                .expectAssociationWith("redemptionId", ID)
                .expectNoDispatchedCommands();
    }

    @Test
    void debitedPointsGetTheMemberACoupon() {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate(ID).publishes(DEBITED)
                .expectDispatchedCommands(new IssueCoupon(ID, "BCD2345678", DEBITED_AT))
                .expectActiveSagas(1);
    }

    @Test
    void theIssuedCouponEndsTheSaga() {
        fixture.givenAggregate(ID).published(REQUESTED, DEBITED)
                .whenAggregate(ID).publishes(new CouponIssued(ID, "m-1", "chain-1", "free-coffee", 100, "BCD2345678",
                        DEBITED_AT, DEBITED_AT.plusSeconds(30 * 86_400)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRejectionEndsTheSagaWithoutACoupon() {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate(ID).publishes(new RedemptionRejected(ID, "INSUFFICIENT_POINTS", "balance 40", DEBITED_AT))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        assertEquals(List.of(ID), released, "the reserved stock goes back");
    }

    @Test
    void anotherRedemptionsDebitLeavesThisSagaAlone() {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate("r-2").publishes(new PointsDebited("r-2", 100, DEBITED_AT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void anExpiredRedemptionGivesItsStockBackAndEndsTheSaga() {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate(ID).publishes(new RedemptionExpired(ID, DEBITED_AT))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        assertEquals(List.of(ID), released);
    }
}

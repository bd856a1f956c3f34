package io.patronage.rewards.redemption;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class RedemptionTest {

    private static final String ID = "r-1";
    private static final Instant REQUESTED_AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DEBITED_AT = Instant.parse("2026-03-01T09:00:02Z");
    private static final Instant EXPIRED_AT = Instant.parse("2026-03-01T09:02:00Z");
    private static final Instant LATE_AT = Instant.parse("2026-03-01T09:03:00Z");
    private static final RedemptionRequested REQUESTED =
            new RedemptionRequested(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT);
    private static final PointsDebited DEBITED = new PointsDebited(ID, 100, DEBITED_AT);
    private static final RedemptionRejected REJECTED =
            new RedemptionRejected(ID, "INSUFFICIENT_POINTS", "balance 40 is below 100", DEBITED_AT);
    private static final CouponIssued ISSUED = new CouponIssued(ID, "m-1", "chain-1", "free-coffee", 100,
            "BCD2345678", DEBITED_AT, Instant.parse("2026-03-31T09:00:02Z"));

    private AggregateTestFixture<Redemption> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Redemption.class);
    }

    @Test
    void aRequestRecordsTheRewardsCostAndCouponValidity() {
        fixture.givenNoPriorActivity()
                .when(new RequestRedemption(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT))
                .expectEvents(REQUESTED);
    }

    @Test
    void aRequestWithoutCostIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestRedemption(ID, "m-1", "chain-1", "free-coffee", 0, 30, REQUESTED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void debitedPointsAreRecorded() {
        fixture.given(REQUESTED)
                .when(new ConfirmPointsDebited(ID, 100, DEBITED_AT))
                .expectEvents(DEBITED);
    }

    @Test
    void aDebitOfAnotherAmountIsRefused() {
        fixture.given(REQUESTED)
                .when(new ConfirmPointsDebited(ID, 90, DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aRepeatedDebitConfirmationChangesNothing() {
        fixture.given(REQUESTED, DEBITED)
                .when(new ConfirmPointsDebited(ID, 100, DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new ConfirmPointsDebited(ID, 100, DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectionKeepsReasonAndDetail() {
        fixture.given(REQUESTED)
                .when(new RejectRedemption(ID, "INSUFFICIENT_POINTS", "balance 40 is below 100", DEBITED_AT))
                .expectEvents(REJECTED);
    }

    @Test
    void aRepeatedRejectionChangesNothing() {
        fixture.given(REQUESTED, REJECTED)
                .when(new RejectRedemption(ID, "INSUFFICIENT_POINTS", "balance 40 is below 100", DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDebitAfterARejectionIsRefused() {
        fixture.given(REQUESTED, REJECTED)
                .when(new ConfirmPointsDebited(ID, 100, DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aRejectionAfterTheDebitIsRefused() {
        fixture.given(REQUESTED, DEBITED)
                .when(new RejectRedemption(ID, "UNKNOWN_MEMBER", "no such member", DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void noCouponBeforeThePointsAreDebited() {
        fixture.given(REQUESTED)
                .when(new IssueCoupon(ID, "BCD2345678", DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void noCouponForARejectedRedemption() {
        fixture.given(REQUESTED, REJECTED)
                .when(new IssueCoupon(ID, "BCD2345678", DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void theCouponExpiresAfterTheRewardsValidity() {
        fixture.given(REQUESTED, DEBITED)
                .when(new IssueCoupon(ID, "BCD2345678", DEBITED_AT))
                .expectEvents(ISSUED);
    }

    @Test
    void theSameCouponAgainChangesNothingButASecondCouponIsRefused() {
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new IssueCoupon(ID, "BCD2345678", DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new IssueCoupon(ID, "ZZZZZZZZZZ", DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aRequestRecordsTheRewardVersionAndTheDeadline() {
        Instant deadline = REQUESTED_AT.plusSeconds(120);
        fixture.givenNoPriorActivity()
                .when(new RequestRedemption(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT, 3L, deadline))
                .expectEvents(new RedemptionRequested(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT, 3L,
                        deadline));
    }

    @Test
    void withoutAnAnswerByTheDeadlineTheRedemptionExpiresOnce() {
        fixture.given(REQUESTED)
                .when(new ExpireRedemption(ID, EXPIRED_AT))
                .expectEvents(new RedemptionExpired(ID, EXPIRED_AT));
        fixture.given(REQUESTED, new RedemptionExpired(ID, EXPIRED_AT))
                .when(new ExpireRedemption(ID, EXPIRED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRedemptionAnsweredInTimeDoesNotExpire() {
        fixture.given(REQUESTED, DEBITED)
                .when(new ExpireRedemption(ID, EXPIRED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, REJECTED)
                .when(new ExpireRedemption(ID, EXPIRED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDebitAfterTheDeadlineIsGivenBackOnceAndGetsNoCoupon() {
        RedemptionExpired expired = new RedemptionExpired(ID, EXPIRED_AT);
        PointsRefundRequested refund = new PointsRefundRequested(ID, "m-1", "chain-1", 100, "LATE_DEBIT", LATE_AT);
        fixture.given(REQUESTED, expired)
                .when(new ConfirmPointsDebited(ID, 100, LATE_AT))
                .expectEvents(refund);
        fixture.given(REQUESTED, expired, refund)
                .when(new ConfirmPointsDebited(ID, 100, LATE_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, expired, refund)
                .when(new IssueCoupon(ID, "BCD2345678", LATE_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aRefusalAfterTheDeadlineChangesNothing() {
        fixture.given(REQUESTED, new RedemptionExpired(ID, EXPIRED_AT))
                .when(new RejectRedemption(ID, "INSUFFICIENT_POINTS", "balance 40 is below 100", LATE_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPartialDebitIsRefusedAndGivenBackNeverACoupon() {
        PointsRefundRequested refund = new PointsRefundRequested(ID, "m-1", "chain-1", 40, "PARTIAL_DEBIT", DEBITED_AT);
        fixture.given(REQUESTED)
                .when(new RefusePartialDebit(ID, 40, DEBITED_AT))
                .expectEvents(new RedemptionRejected(ID, "PARTIAL_DEBIT",
                        "points-service debited 40 of the 100 points the reward costs; they are given back", DEBITED_AT),
                        refund);
        fixture.given(REQUESTED, new RedemptionRejected(ID, "PARTIAL_DEBIT", "...", DEBITED_AT), refund)
                .when(new RefusePartialDebit(ID, 40, DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, new RedemptionExpired(ID, EXPIRED_AT))
                .when(new RefusePartialDebit(ID, 40, LATE_AT))
                .expectEvents(new PointsRefundRequested(ID, "m-1", "chain-1", 40, "LATE_DEBIT", LATE_AT));
        fixture.given(REQUESTED, DEBITED)
                .when(new RefusePartialDebit(ID, 40, DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }
}

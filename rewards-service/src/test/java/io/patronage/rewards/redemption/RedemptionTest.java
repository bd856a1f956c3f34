package io.patronage.rewards.redemption;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
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
                .when(new RequestRedemption(ID, "m-1", "chain-1", "free-coffee", 100, Duration.ofDays(30), REQUESTED_AT))
                .expectEvents(new RedemptionRequested(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT, null,
                        null, Duration.ofDays(30)));
    }

    @Test
    void aCouponValidForMinutesExpiresThatManyMinutesAfterIssue() {
        fixture.given(new RedemptionRequested(ID, "m-1", "chain-1", "free-coffee", 100, 0, REQUESTED_AT, null, null,
                        Duration.ofMinutes(3)), DEBITED)
                .when(new IssueCoupon(ID, "BCD2345678", DEBITED_AT))
                .expectEvents(new CouponIssued(ID, "m-1", "chain-1", "free-coffee", 100, "BCD2345678", DEBITED_AT,
                        DEBITED_AT.plus(Duration.ofMinutes(3))));
    }

    @Test
    void aRequestWithoutCostIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestRedemption(ID, "m-1", "chain-1", "free-coffee", 0, Duration.ofDays(30), REQUESTED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void debitedPointsAreRecorded() {
        fixture.given(REQUESTED)
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(100), DEBITED_AT))
                .expectEvents(DEBITED);
    }

    @Test
    void aDebitAnsweredWithTheChainsDecimalsIsTheSameAmount() {
        fixture.given(REQUESTED)
                .when(new ConfirmPointsDebited(ID, new BigDecimal("100.00"), DEBITED_AT))
                .expectEvents(DEBITED);
    }

    @Test
    void aDebitOfAnotherAmountIsRefused() {
        fixture.given(REQUESTED)
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(90), DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aRepeatedDebitConfirmationChangesNothing() {
        fixture.given(REQUESTED, DEBITED)
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(100), DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(100), DEBITED_AT))
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
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(100), DEBITED_AT))
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
                .when(new RequestRedemption(ID, "m-1", "chain-1", "free-coffee", 100, Duration.ofDays(30), REQUESTED_AT, 3L,
                        deadline))
                .expectEvents(new RedemptionRequested(ID, "m-1", "chain-1", "free-coffee", 100, 30, REQUESTED_AT, 3L,
                        deadline, Duration.ofDays(30)));
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
        PointsRefundRequested refund = new PointsRefundRequested(ID, "m-1", "chain-1", BigDecimal.valueOf(100), "LATE_DEBIT", LATE_AT);
        fixture.given(REQUESTED, expired)
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(100), LATE_AT))
                .expectEvents(refund);
        fixture.given(REQUESTED, expired, refund)
                .when(new ConfirmPointsDebited(ID, BigDecimal.valueOf(100), LATE_AT))
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
        PointsRefundRequested refund = new PointsRefundRequested(ID, "m-1", "chain-1", BigDecimal.valueOf(40), "PARTIAL_DEBIT", DEBITED_AT);
        fixture.given(REQUESTED)
                .when(new RefusePartialDebit(ID, BigDecimal.valueOf(40), DEBITED_AT))
                .expectEvents(new RedemptionRejected(ID, "PARTIAL_DEBIT",
                        "points-service debited 40 of the 100 points the reward costs; they are given back", DEBITED_AT),
                        refund);
        fixture.given(REQUESTED, new RedemptionRejected(ID, "PARTIAL_DEBIT", "...", DEBITED_AT), refund)
                .when(new RefusePartialDebit(ID, BigDecimal.valueOf(40), DEBITED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, new RedemptionExpired(ID, EXPIRED_AT))
                .when(new RefusePartialDebit(ID, BigDecimal.valueOf(40), LATE_AT))
                .expectEvents(new PointsRefundRequested(ID, "m-1", "chain-1", BigDecimal.valueOf(40), "LATE_DEBIT", LATE_AT));
        fixture.given(REQUESTED, DEBITED)
                .when(new RefusePartialDebit(ID, BigDecimal.valueOf(40), DEBITED_AT))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    private static final Instant AT_TILL = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2026-03-31T09:00:02Z");
    private static final CouponUsed USED = new CouponUsed(ID, "m-1", "chain-1", "free-coffee", "BCD2345678", "T-1",
            "store-7", AT_TILL);

    @Test
    void aCodeTheCouponWasNotIssuedWithIsRefused() {
        // a kill -9 after the saga claimed a code, before the coupon was issued with it: the retry claims another
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new UseCoupon(ID, "ZZZ9876543", "T-1", "store-7", AT_TILL))
                .expectEvents(new CouponUseRejected(ID, "m-1", "chain-1", "ZZZ9876543", "T-1", "store-7", "NOT_ISSUED",
                        "the coupon of redemption " + ID + " was issued with another code", AT_TILL));
    }

    @Test
    void anIssuedCouponIsUsedOnceAndASecondUseElsewhereIsRefused() {
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new UseCoupon(ID, "BCD2345678", "T-1", "store-7", AT_TILL))
                .expectEvents(USED);
        fixture.given(REQUESTED, DEBITED, ISSUED, USED)
                .when(new UseCoupon(ID, "BCD2345678", "T-1", "store-7", AT_TILL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        CouponUseRejected refused = new CouponUseRejected(ID, "m-1", "chain-1", "BCD2345678", "T-2", "store-9",
                "ALREADY_USED", "the coupon was used in transaction T-1", AT_TILL.plusSeconds(60));
        fixture.given(REQUESTED, DEBITED, ISSUED, USED)
                .when(new UseCoupon(ID, "BCD2345678", "T-2", "store-9", AT_TILL.plusSeconds(60)))
                .expectEvents(refused);
        fixture.given(REQUESTED, DEBITED, ISSUED, USED, refused)
                .when(new UseCoupon(ID, "BCD2345678", "T-2", "store-9", AT_TILL.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anExpiredCouponIsRefusedAtTheTill() {
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new UseCoupon(ID, "BCD2345678", "T-1", "store-7", EXPIRES_AT))
                .expectEvents(new CouponUseRejected(ID, "m-1", "chain-1", "BCD2345678", "T-1", "store-7", "EXPIRED",
                        "the coupon expired at " + EXPIRES_AT, EXPIRES_AT));
        CouponExpired expired = new CouponExpired(ID, "m-1", "chain-1", "free-coffee", "BCD2345678", EXPIRES_AT);
        fixture.given(REQUESTED, DEBITED, ISSUED, expired)
                .when(new UseCoupon(ID, "BCD2345678", "T-1", "store-7", AT_TILL))
                .expectEvents(new CouponUseRejected(ID, "m-1", "chain-1", "BCD2345678", "T-1", "store-7", "EXPIRED",
                        "the coupon expired at " + EXPIRES_AT, AT_TILL));
    }

    @Test
    void theExpiryJobExpiresAValidCouponOnceAndNeverAUsedOne() {
        CouponExpired expired = new CouponExpired(ID, "m-1", "chain-1", "free-coffee", "BCD2345678", EXPIRES_AT);
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new ExpireCoupon(ID, EXPIRES_AT))
                .expectEvents(expired);
        fixture.given(REQUESTED, DEBITED, ISSUED)
                .when(new ExpireCoupon(ID, EXPIRES_AT.minusMillis(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED, expired)
                .when(new ExpireCoupon(ID, EXPIRES_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED, USED)
                .when(new ExpireCoupon(ID, EXPIRES_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReturnOfThePurchaseGivesTheCouponBackWhileValid() {
        CouponReinstated reinstated = new CouponReinstated(ID, "m-1", "chain-1", "BCD2345678", "R-1",
                AT_TILL.plusSeconds(3600), EXPIRES_AT);
        fixture.given(REQUESTED, DEBITED, ISSUED, USED)
                .when(new ReinstateCoupon(ID, "T-1", "R-1", AT_TILL.plusSeconds(3600)))
                .expectEvents(reinstated);
        fixture.given(REQUESTED, DEBITED, ISSUED, USED, reinstated)
                .when(new UseCoupon(ID, "BCD2345678", "T-3", "store-7", AT_TILL.plusSeconds(7200)))
                .expectEvents(new CouponUsed(ID, "m-1", "chain-1", "free-coffee", "BCD2345678", "T-3", "store-7",
                        AT_TILL.plusSeconds(7200)));
        // the returned purchase delivered again (a till's resend, a redelivery) does not use the coupon again
        fixture.given(REQUESTED, DEBITED, ISSUED, USED, reinstated)
                .when(new UseCoupon(ID, "BCD2345678", "T-1", "store-7", AT_TILL.plusSeconds(7200)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED, USED)
                .when(new ReinstateCoupon(ID, "T-1", "R-1", EXPIRES_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REQUESTED, DEBITED, ISSUED, USED)
                .when(new ReinstateCoupon(ID, "T-other", "R-1", AT_TILL.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCouponNotIssuedCannotBeUsed() {
        fixture.given(REQUESTED, DEBITED)
                .when(new UseCoupon(ID, "BCD2345678", "T-1", "store-7", AT_TILL))
                .expectEvents(new CouponUseRejected(ID, "m-1", "chain-1", "BCD2345678", "T-1", "store-7", "NOT_ISSUED",
                        "the coupon of redemption r-1 was not issued", AT_TILL));
    }

    private static final String GRANT = "punch:chain-1:m-1:tenth-coffee:1";
    private static final CouponGranted GRANTED = new CouponGranted(GRANT, "m-1", "chain-1", "free-coffee",
            "BCD2345679", AT_TILL, AT_TILL.plus(java.time.Duration.ofDays(30)), CouponGranted.PUNCH_CARD,
            "tenth-coffee", 10);

    @Test
    void aGrantedCouponNeedsNoPointsAndIsUsedOnceLikeARedeemedOne() {
        fixture.givenNoPriorActivity()
                .when(new GrantCoupon(GRANT, "m-1", "chain-1", "free-coffee", "BCD2345679", Duration.ofDays(30), AT_TILL,
                        CouponGranted.PUNCH_CARD, "tenth-coffee", 10))
                .expectEvents(GRANTED);
        CouponUsed used = new CouponUsed(GRANT, "m-1", "chain-1", "free-coffee", "BCD2345679", "T-7", "store-7",
                AT_TILL.plusSeconds(60));
        fixture.given(GRANTED)
                .when(new UseCoupon(GRANT, "BCD2345679", "T-7", "store-7", AT_TILL.plusSeconds(60)))
                .expectEvents(used);
        fixture.given(GRANTED, used)
                .when(new UseCoupon(GRANT, "BCD2345679", "T-8", "store-7", AT_TILL.plusSeconds(120)))
                .expectEvents(new CouponUseRejected(GRANT, "m-1", "chain-1", "BCD2345679", "T-8", "store-7",
                        "ALREADY_USED", "the coupon was used in transaction T-7", AT_TILL.plusSeconds(120)));
    }

    @Test
    void aGrantWithoutValidityIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new GrantCoupon(GRANT, "m-1", "chain-1", "free-coffee", "BCD2345679", Duration.ZERO, AT_TILL,
                        CouponGranted.PUNCH_CARD, "tenth-coffee", 10))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}

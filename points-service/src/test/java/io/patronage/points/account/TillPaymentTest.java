package io.patronage.points.account;

import io.patronage.contracts.retail.PointsPayment;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.adjustments.PaymentRefund;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.RedemptionLimits;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.ReturnPurchase;
import io.patronage.points.tillpayment.PointsPaymentRefusedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

/** Points paying for part of a purchase at the till, and returns of such purchases, as specifications. */
class TillPaymentTest {

    private static final String MEMBER = "m-1";
    private static final PointsAccountOpened OPENED = new PointsAccountOpened(MEMBER, "chain-1", "card-1", null,
            Instant.parse("2026-01-05T09:00:00Z"));
    private static final OffsetDateTime EARLIER = OffsetDateTime.parse("2026-03-01T12:00:00+01:00");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-04-01T12:00:00+02:00");
    private static final OffsetDateTime RETURNED_AT = OffsetDateTime.parse("2026-04-03T10:00:00+02:00");
    /** 100 points earned on a purchase of 100.00 before. */
    private static final PointsEarned HUNDRED = new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR",
            new BigDecimal("100.00"), new BigDecimal("100.00"), 100, ProgramRules.DEFAULT_VERSION,
            List.of(new Contribution("base", 100)), EARLIER, new Lot("chain-1:t-1", 100, EARLIER.toInstant()), 100);
    private static final PointsPayment FIFTY = new PointsPayment(BigDecimal.valueOf(50), new BigDecimal("5.00"));

    private AggregateTestFixture<PointsAccount> fixture;
    private ProgramRules rules = ProgramRules.DEFAULT;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource((ProgramCatalog) (chainId, occurredAt) -> rules);
        fixture.registerIgnoredField(PointsEarned.class, "fingerprint");
        fixture.registerIgnoredField(PointsReversed.class, "fingerprint");
    }

    private static PosTransaction purchase(String id, String total, PointsPayment payment) {
        return new PosTransaction(id, "chain-1", "store-7", "card-1", TransactionType.PURCHASE, AT, "EUR",
                new BigDecimal(total), List.of(), List.of(), null, payment);
    }

    private static PosTransaction returnOf(String id, String original, String total) {
        return new PosTransaction(id, "chain-1", "store-7", "card-1", TransactionType.RETURN, RETURNED_AT, "EUR",
                new BigDecimal(total), List.of(), List.of(), original);
    }

    private static PointsRedeemed paid(String transactionId, long points, long balanceAfter) {
        return new PointsRedeemed(MEMBER, "chain-1", "till:chain-1:" + transactionId, points,
                "till:store-7:" + transactionId, List.of(new LotDebit("chain-1:t-1", points)), balanceAfter);
    }

    private static PointsEarned earnedOnTheRest(String transactionId, String rest, long points, long balanceAfter,
                                                PointsPayment payment) {
        return new PointsEarned(MEMBER, "chain-1", transactionId, "store-7", "EUR", new BigDecimal(rest),
                new BigDecimal(rest), points, ProgramRules.DEFAULT_VERSION,
                points == 0 ? List.of() : List.of(new Contribution("base", points)), AT,
                points == 0 ? null : new Lot("chain-1:" + transactionId, points, AT.toInstant()), balanceAfter, 0,
                List.of(), List.of(), null, payment);
    }

    private static PointsAdjusted givenBack(String returnId, String original, long points, long balanceAfter,
                                            String share) {
        return new PointsAdjusted(MEMBER, "chain-1", "till-refund:chain-1:" + returnId + ":" + original, points,
                "points paid for " + original + " given back by return " + returnId, "till:store-7",
                new Lot("till-refund:chain-1:" + returnId + ":" + original, points, RETURNED_AT.toInstant()), List.of(),
                balanceAfter, RETURNED_AT.toInstant(), null, new PaymentRefund(original, returnId, new BigDecimal(share)));
    }

    private void limits(long minimumPoints, String maximumShare) {
        rules = new ProgramRules(ProgramRules.DEFAULT_VERSION, null, null, null, null, BigDecimal.ONE, null, null,
                null, null, null, null, null, 0, null, null, null, null, null, null, null, null, 0,
                new RedemptionLimits(minimumPoints, new BigDecimal(maximumShare)));
    }

    @Test
    void pointsPayPartOfAPurchaseWhichEarnsOnlyOnTheRest() {
        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", FIFTY)))
                .expectEvents(paid("t-5", 50, 50), earnedOnTheRest("t-5", "15.00", 15, 65, FIFTY));
    }

    @Test
    void aPurchaseWithoutAPointsPaymentEarnsOnItsWholeTotal() {
        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", null)))
                .expectEvents(earnedOnTheRest("t-5", "20.00", 20, 120, null));
    }

    @Test
    void aPaymentWithinTheProgramsLimitsIsPaid() {
        limits(50, "0.25");

        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", FIFTY)))
                .expectEvents(paid("t-5", 50, 50), earnedOnTheRest("t-5", "15.00", 15, 65, FIFTY));
    }

    @Test
    void fewerPointsThanTheProgramsMinimumAreRefusedAndNothingCounts() {
        limits(100, "0.5");

        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", FIFTY)))
                .expectNoEvents()
                .expectException(PointsPaymentRefusedException.class)
                .expectExceptionMessage(allOf(containsString("points-payment-refused: BELOW_MINIMUM_POINTS"),
                        containsString("redemption.minimumPoints is 100")));
    }

    @Test
    void aLargerShareOfTheOrderThanTheProgramAllowsIsRefused() {
        limits(1, "0.2");

        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", new PointsPayment(BigDecimal.valueOf(60), new BigDecimal("6.00")))))
                .expectNoEvents()
                .expectExceptionMessage(allOf(containsString("ABOVE_MAXIMUM_SHARE"),
                        containsString("redemption.maximumShareOfOrder is 0.2 (at most 4)")));
    }

    @Test
    void morePointsThanAreAvailableAreRefused() {
        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", new PointsPayment(BigDecimal.valueOf(101), new BigDecimal("10.10")))))
                .expectNoEvents()
                .expectExceptionMessage(allOf(containsString("INSUFFICIENT_POINTS"),
                        containsString("pays 101 points"), containsString("100 are available")));
    }

    @Test
    void anEndedMembershipCannotPayWithPoints() {
        fixture.given(OPENED, HUNDRED, new MembershipEnded(MEMBER, Instant.parse("2026-03-15T00:00:00Z")))
                .when(new EarnPoints(MEMBER, purchase("t-5", "20.00", FIFTY)))
                .expectNoEvents()
                .expectExceptionMessage(containsString("MEMBERSHIP_ENDED"));
    }

    @Test
    void aResentPaidPurchaseChangesNothing() {
        PosTransaction sale = purchase("t-5", "20.00", FIFTY);
        fixture.given(OPENED, HUNDRED, paid("t-5", 50, 50), earnedOnTheRest("t-5", "15.00", 15, 65, FIFTY))
                .when(new EarnPoints(MEMBER, sale))
                .expectNoEvents();
    }

    @Test
    void aPartialReturnGivesBackItsShareOfThePointsAndReversesItsShareOfTheEarning() {
        fixture.given(OPENED, HUNDRED, paid("t-5", 50, 50), earnedOnTheRest("t-5", "15.00", 15, 65, FIFTY))
                .when(new ReturnPurchase(MEMBER, returnOf("ret-1", "t-5", "10.00")))
                .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-1", "t-5", "EUR", new BigDecimal("7.50"), 7,
                                List.of(new LotDebit("chain-1:t-5", 7)), 0, 0, new BigDecimal("0.500000000000"), 58,
                                RETURNED_AT),
                        givenBack("ret-1", "t-5", 25, 83, "0.500000000000"));
    }

    @Test
    void theRestOfTheOrderReturnedGivesBackTheRestAndNeverMoreThanWasSpent() {
        fixture.given(OPENED, HUNDRED, paid("t-5", 50, 50), earnedOnTheRest("t-5", "15.00", 15, 65, FIFTY),
                        new PointsReversed(MEMBER, "chain-1", "ret-1", "t-5", "EUR", new BigDecimal("7.50"), 7,
                                List.of(new LotDebit("chain-1:t-5", 7)), 0, 0, new BigDecimal("0.500000000000"), 58,
                                RETURNED_AT),
                        givenBack("ret-1", "t-5", 25, 83, "0.500000000000"))
                .when(new ReturnPurchase(MEMBER, returnOf("ret-2", "t-5", "15.00")))
                .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-2", "t-5", "EUR", new BigDecimal("11.25"), 8,
                                List.of(new LotDebit("chain-1:t-5", 8)), 0, 0, BigDecimal.ONE, 75, RETURNED_AT),
                        givenBack("ret-2", "t-5", 25, 100, "1"));
    }

    @Test
    void aResentReturnGivesNothingBackAgain() {
        fixture.given(OPENED, HUNDRED, paid("t-5", 50, 50), earnedOnTheRest("t-5", "5.00", 0, 50, FIFTY),
                        givenBack("ret-1", "t-5", 25, 75, "0.5"))
                .when(new ReturnPurchase(MEMBER, returnOf("ret-1", "t-5", "5.00")))
                .expectNoEvents();
    }

    @Test
    void anUnlinkedReturnMatchedToAPaidPurchaseGivesBackItsShareToo() {
        TransactionLine twoOfA = new TransactionLine("A", "food", new BigDecimal("2"), new BigDecimal("10.00"));
        PointsEarned earned = new PointsEarned(MEMBER, "chain-1", "t-5", "store-7", "EUR", new BigDecimal("15.00"),
                new BigDecimal("15.00"), 15, ProgramRules.DEFAULT_VERSION, List.of(new Contribution("base", 15)), AT,
                new Lot("chain-1:t-5", 15, AT.toInstant()), 65, 0, List.of(twoOfA), List.of(), null, FIFTY);
        TransactionLine oneOfA = new TransactionLine("A", "food", BigDecimal.ONE, new BigDecimal("10.00"));
        PosTransaction unlinked = new PosTransaction("ret-1", "chain-1", "store-7", "card-1", TransactionType.RETURN,
                RETURNED_AT, "EUR", new BigDecimal("10.00"), List.of(oneOfA), List.of(), null);

        fixture.given(OPENED, HUNDRED, paid("t-5", 50, 50), earned)
                .when(new ReturnPurchase(MEMBER, unlinked))
                .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-1", "t-5", "EUR", new BigDecimal("7.50"), 7,
                                List.of(new LotDebit("chain-1:t-5", 7)), 0, 0, new BigDecimal("0.500000000000"), 58,
                                RETURNED_AT, null, List.of(oneOfA)),
                        givenBack("ret-1", "t-5", 25, 83, "0.500000000000"));
    }

    @Test
    void anOrderPaidWhollyWithPointsEarnsNothingAndItsReturnGivesThemAllBack() {
        PointsPayment whole = new PointsPayment(BigDecimal.valueOf(100), new BigDecimal("10.00"));
        fixture.given(OPENED, HUNDRED)
                .when(new EarnPoints(MEMBER, purchase("t-5", "10.00", whole)))
                .expectEvents(paid("t-5", 100, 0), earnedOnTheRest("t-5", "0.00", 0, 0, whole));

        fixture.given(OPENED, HUNDRED, paid("t-5", 100, 0), earnedOnTheRest("t-5", "0.00", 0, 0, whole))
                .when(new ReturnPurchase(MEMBER, returnOf("ret-1", "t-5", "10.00")))
                .expectEvents(givenBack("ret-1", "t-5", 100, 100, "1.000000000000"));
    }
}

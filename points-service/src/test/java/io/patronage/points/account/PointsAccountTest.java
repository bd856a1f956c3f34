package io.patronage.points.account;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.Transactions;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.membership.CreatePointsAccount;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.LineMultiplier;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramJson;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.redemption.RejectionReason;
import io.patronage.points.redemption.SpendPoints;
import io.patronage.points.returns.PointsReversed;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;

import static io.patronage.points.Transactions.line;
import static io.patronage.points.Transactions.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PointsAccountTest {

    private static final String MEMBER = "m-1";
    private static final Instant ENROLLED = Instant.parse("2026-01-05T09:00:00Z");
    private static final PointsAccountOpened OPENED = new PointsAccountOpened(MEMBER, "chain-1", "card-1",
            MonthDay.of(4, 1), ENROLLED);

    private AggregateTestFixture<PointsAccount> fixture;
    private ProgramRules rules = ProgramRules.DEFAULT;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource((ProgramCatalog) (chainId, occurredAt) -> rules);
        // what the till record said is specified in ResendTest; these specifications are about the ledger
        fixture.registerIgnoredField(PointsEarned.class, "fingerprint");
        fixture.registerIgnoredField(PointsReversed.class, "fingerprint");
    }

    /** What the aggregate records for a transaction earning {@code points} under the default program. */
    private static PointsEarned earned(PosTransaction transaction, long points, long balanceAfter) {
        String lotId = "chain-1:" + transaction.transactionId();
        return new PointsEarned(MEMBER, "chain-1", transaction.transactionId(), "store-7", transaction.currency(),
                transaction.total(), transaction.total(), points, ProgramRules.DEFAULT_VERSION,
                points == 0 ? List.of() : List.of(new Contribution("base", points)), transaction.occurredAt(),
                points == 0 ? null : new Lot(lotId, points, transaction.occurredAt().toInstant()), balanceAfter);
    }

    @Nested
    class Opening {

        @Test
        void anEnrolledMemberGetsAnAccount() {
            fixture.givenNoPriorActivity()
                    .when(new OpenPointsAccount(MEMBER, "chain-1", "card-1", MonthDay.of(4, 1),
                            ENROLLED))
                    .expectEvents(OPENED);
        }

        @Test
        void aNewMemberIsCreatedWithoutLookingForItsEvents() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePointsAccount(new OpenPointsAccount(MEMBER, "chain-1", "card-1",
                            MonthDay.of(4, 1), ENROLLED)))
                    .expectEvents(OPENED);
        }

        @Test
        void aRedeliveredEnrollmentChangesNothing() {
            fixture.given(OPENED)
                    .when(new OpenPointsAccount(MEMBER, "chain-1", "card-1", null, ENROLLED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void noOtherCommandOpensAnAccount() {
            fixture.givenNoPriorActivity()
                    .when(new EarnPoints(MEMBER, purchase("t-1", "EUR", "10.00")))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Earning {

        @Test
        void aPurchaseEarnsOnePointPerWholeUnitIntoANewLot() {
            PosTransaction purchase = purchase("t-1", "EUR", "23.99");

            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase))
                    .expectEvents(earned(purchase, 23, 23));
        }

        @Test
        void theBalanceAfterAddsUpTheLots() {
            PosTransaction first = purchase("t-1", "EUR", "23.99");
            PosTransaction second = purchase("t-2", "EUR", "5.00");

            fixture.given(OPENED, earned(first, 23, 23))
                    .when(new EarnPoints(MEMBER, second))
                    .expectEvents(earned(second, 5, 28));
        }

        @Test
        void aTransactionAlreadyEarnedOnIsANoOp() {
            PosTransaction purchase = purchase("t-1", "EUR", "23.99");

            fixture.given(OPENED, earned(purchase, 23, 23))
                    .when(new EarnPoints(MEMBER, purchase))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCurrencyWithoutMinorUnitsEarnsPerYen() {
            PosTransaction purchase = purchase("t-1", "JPY", "4321");

            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase))
                    .expectEvents(earned(purchase, 4321, 4321));
        }

        @Test
        void aCurrencyWithThreeMinorUnitsRoundsDownTheFils() {
            PosTransaction purchase = purchase("t-1", "KWD", "15.999");

            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase))
                    .expectEvents(earned(purchase, 15, 15));
        }

        @Test
        void underTheMinimumSpendThePurchaseCountsButEarnsNothing() {
            rules = new ProgramRules("min-v1", BigDecimal.ONE, PointsRounding.DOWN, new BigDecimal("20"), List.of(), null);
            PosTransaction purchase = purchase("t-1", "EUR", "19.99");

            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase))
                    .expectEvents(new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR",
                            new BigDecimal("19.99"), new BigDecimal("19.99"), 0, "min-v1", List.of(),
                            purchase.occurredAt(), null, 0));
        }

        @Test
        void theProgramsRoundingAndMultipliersAreRecordedWithItsVersion() {
            rules = new ProgramRules("wine-v2", BigDecimal.ONE, PointsRounding.NEAREST, BigDecimal.ZERO,
                    List.of(LineMultiplier.category("wine", new BigDecimal("2")),
                            LineMultiplier.category("gift-cards", BigDecimal.ZERO)), null);
            PosTransaction purchase = purchase("t-1", "EUR", "40.50",
                    line("w", "wine", "1", "10.50"), line("f", "food", "1", "10.00"), line("g", "gift-cards", "1", "20.00"));

            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase))
                    .expectEvents(new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR",
                            new BigDecimal("40.50"), new BigDecimal("20.50"), 31, "wine-v2",
                            List.of(new Contribution("base", 21), new Contribution("category:wine", 10)),
                            purchase.occurredAt(), new Lot("chain-1:t-1", 31, purchase.occurredAt().toInstant()), 31, 0,
                            purchase.lines(), purchase.couponCodes()));
        }
    }

    @Nested
    class Redemption {

        private final PosTransaction older = purchase("t-old", "EUR", "30.00", OffsetDateTime.parse("2026-03-01T12:00:00+01:00"));
        private final PosTransaction newer = purchase("t-new", "EUR", "50.00", OffsetDateTime.parse("2026-05-01T12:00:00+02:00"));

        @Test
        void spendsTheOldestLotsFirstWhateverOrderTheyArrivedIn() {
            fixture.given(OPENED, earned(newer, 50, 50), earned(older, 30, 80))
                    .when(new RedeemPoints(MEMBER, "r-1", 45, "reward:mug"))
                    .expectEvents(new PointsRedeemed(MEMBER, "chain-1", "r-1", 45, "reward:mug",
                            List.of(new LotDebit("chain-1:t-old", 30), new LotDebit("chain-1:t-new", 15)), 35));
        }

        @Test
        void aPartlySpentLotIsSpentFurtherNext() {
            fixture.given(OPENED, earned(older, 30, 30), earned(newer, 50, 80),
                            new PointsRedeemed(MEMBER, "chain-1", "r-1", 10, "reward:mug",
                                    List.of(new LotDebit("chain-1:t-old", 10)), 70))
                    .when(new RedeemPoints(MEMBER, "r-2", 70, "reward:bag"))
                    .expectEvents(new PointsRedeemed(MEMBER, "chain-1", "r-2", 70, "reward:bag",
                            List.of(new LotDebit("chain-1:t-old", 20), new LotDebit("chain-1:t-new", 50)), 0));
        }

        @Test
        void moreThanTheBalanceIsRejectedAndNothingIsDebited() {
            fixture.given(OPENED, earned(older, 30, 30))
                    .when(new RedeemPoints(MEMBER, "r-1", 31, "reward:mug"))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-1", 31,
                            RejectionReason.INSUFFICIENT_POINTS, 30));
        }

        @Test
        void spentPointsCannotBeSpentAgain() {
            fixture.given(OPENED, earned(older, 30, 30),
                            new PointsRedeemed(MEMBER, "chain-1", "r-1", 30, "reward:mug",
                                    List.of(new LotDebit("chain-1:t-old", 30)), 0))
                    .when(new RedeemPoints(MEMBER, "r-2", 1, "reward:pen"))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-2", 1,
                            RejectionReason.INSUFFICIENT_POINTS, 0));
        }

        @Test
        void zeroOrNegativePointsAreRejected() {
            fixture.given(OPENED, earned(older, 30, 30))
                    .when(new RedeemPoints(MEMBER, "r-1", -5, "reward:mug"))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-1", -5,
                            RejectionReason.INVALID_POINTS, 30));
        }

        @Test
        void aRepeatedRequestIsNotDebitedTwiceAndGetsTheSameAnswer() {
            PointsRedeemed answer = new PointsRedeemed(MEMBER, "chain-1", "r-1", 10, "reward:mug",
                    List.of(new LotDebit("chain-1:t-old", 10)), 20);

            fixture.given(OPENED, earned(older, 30, 30), answer)
                    .when(new RedeemPoints(MEMBER, "r-1", 10, "reward:mug"))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(Matchers.predicate(
                            result -> result instanceof AnsweredRequest earlier && earlier.answer().equals(answer)));
        }

        @Test
        void aRepeatedRejectedRequestStaysRejectedEvenAfterEarning() {
            PointsRedemptionRejected answer = new PointsRedemptionRejected(MEMBER, "chain-1", "r-1", 40,
                    RejectionReason.INSUFFICIENT_POINTS, 30);

            fixture.given(OPENED, earned(older, 30, 30), answer, earned(newer, 50, 80))
                    .when(new RedeemPoints(MEMBER, "r-1", 40, "reward:mug"))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(Matchers.predicate(
                            result -> result instanceof AnsweredRequest earlier && earlier.answer().equals(answer)));
        }

        @Test
        void aFreshRequestIsAnsweredByItsEventAlone() {
            fixture.given(OPENED, earned(older, 30, 30))
                    .when(new RedeemPoints(MEMBER, "r-1", 10, "reward:mug"))
                    .expectResultMessagePayload(null);
        }

        @Test
        void anUnknownMemberHasNoAccountToDebit() {
            fixture.givenNoPriorActivity()
                    .when(new RedeemPoints(MEMBER, "r-1", 10, "reward:mug"))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class OverBalanceRedemption {

        private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
        private final PosTransaction older = purchase("t-old", "EUR", "30.00", OffsetDateTime.parse("2026-03-01T12:00:00+01:00"));

        private ProgramRules clamping() {
            return ProgramJson.parse("{\"version\":\"v-clamp\",\"pointsPerUnit\":1,\"overBalanceRedemption\":\"CLAMP\"}");
        }

        @Test
        void aTillRedemptionAboveTheAvailablePointsRedeemsWhatIsThereWhenTheProgramClamps() {
            rules = clamping();
            PointsRedeemed clamped = new PointsRedeemed(MEMBER, "chain-1", "till-1", 30, "till:t-9",
                    List.of(new LotDebit("chain-1:t-old", 30)), 0, 50L);

            fixture.given(OPENED, earned(older, 30, 30))
                    .when(new SpendPoints(MEMBER, "till-1", 50, "till:t-9", NOW))
                    .expectEvents(clamped)
                    .expectResultMessagePayload(new SpendPoints.Spent(clamped, false));
            assertEquals(50, clamped.requestedPoints());
        }

        @Test
        void aRewardsDebitRequestIsAllOrNothingEvenWhenTheProgramClamps() {
            rules = clamping();
            fixture.given(OPENED, earned(older, 30, 30))
                    .when(new RedeemPoints(MEMBER, "r-1", 50, "reward:mug", NOW))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-1", 50,
                            RejectionReason.INSUFFICIENT_POINTS, 30));
        }

        @Test
        void withoutClampingATillRedemptionAboveTheAvailablePointsIsRejectedAsToday() {
            PointsRedemptionRejected rejected = new PointsRedemptionRejected(MEMBER, "chain-1", "till-1", 50,
                    RejectionReason.INSUFFICIENT_POINTS, 30);
            fixture.given(OPENED, earned(older, 30, 30))
                    .when(new SpendPoints(MEMBER, "till-1", 50, "till:t-9", NOW))
                    .expectEvents(rejected)
                    .expectResultMessagePayload(new SpendPoints.Spent(rejected, false));
        }

        @Test
        void nothingAvailableIsRejectedEvenWhenClampingAndARepeatGetsTheEarlierAnswer() {
            rules = clamping();
            PointsRedemptionRejected rejected = new PointsRedemptionRejected(MEMBER, "chain-1", "till-1", 5,
                    RejectionReason.INSUFFICIENT_POINTS, 0);
            fixture.given(OPENED)
                    .when(new SpendPoints(MEMBER, "till-1", 5, "till:t-9", NOW))
                    .expectEvents(rejected);
            fixture.given(OPENED, rejected, earned(older, 30, 30))
                    .when(new SpendPoints(MEMBER, "till-1", 5, "till:t-9", NOW))
                    .expectNoEvents()
                    .expectResultMessagePayload(new SpendPoints.Spent(rejected, true));
        }
    }
}

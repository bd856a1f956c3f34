package io.patronage.points.account;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.Transactions;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ReviewAccount;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.membership.EndMembership;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.redemption.RejectionReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.patronage.points.Transactions.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger's ceilings: refused commands, and an account whose log holds an event beyond them. */
class LedgerLimitsTest {

    private static final String MEMBER = "m-1";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final PointsAccountOpened OPENED = new PointsAccountOpened(MEMBER, "chain-1", "card-1", null,
            Instant.parse("2026-01-05T09:00:00Z"));

    private AggregateTestFixture<PointsAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource((ProgramCatalog) (chainId, occurredAt) -> ProgramRules.DEFAULT);
        fixture.registerIgnoredField(PointsEarned.class, "fingerprint");
    }

    /** What an account records for {@code transaction} earning {@code points}, as any version stored it. */
    private static PointsEarned earned(String transactionId, long points, long balanceAfter) {
        PosTransaction t = purchase(transactionId, "EUR", Long.toString(points));
        return new PointsEarned(MEMBER, "chain-1", transactionId, "store-7", "EUR", t.total(), t.total(), points,
                ProgramRules.DEFAULT_VERSION, List.of(new Contribution("base", points)), t.occurredAt(),
                new Lot("chain-1:" + transactionId, points, t.occurredAt().toInstant()), balanceAfter);
    }

    @Nested
    class RefusedCommands {

        @Test
        void aPurchaseThatWouldEarnMoreThanOneTransactionMayIsRefused() {
            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase("t-1", "EUR", "1000000000000000")))
                    .expectNoEvents()
                    .expectException(PointsOverflowException.class)
                    .expectExceptionMessage(Matchers.predicate((String message) -> message.startsWith("points overflow:")
                            && message.contains("chain-1:t-1") && message.contains("1000000000000000")));
        }

        @Test
        void aPurchaseAtTheCeilingOfOneTransactionEarnsIt() {
            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, purchase("t-1", "EUR", "1000000000000")))
                    .expectEvents(earned("t-1", LedgerLimits.TRANSACTION, LedgerLimits.TRANSACTION));
        }

        @Test
        void aPurchaseThatWouldTakeTheBalanceBeyondItsCeilingIsRefused() {
            List<Object> history = new ArrayList<>(List.of(OPENED));
            for (int i = 1; i <= 1000; i++) {
                history.add(earned("t-" + i, LedgerLimits.TRANSACTION, i * LedgerLimits.TRANSACTION));
            }

            fixture.given(history)
                    .when(new EarnPoints(MEMBER, purchase("t-next", "EUR", "10.00")))
                    .expectNoEvents()
                    .expectException(PointsOverflowException.class)
                    .expectExceptionMessage(Matchers.predicate((String message) ->
                            message.contains("balance of member m-1 would be 1000000000000010")));
        }

        @Test
        void anAdjustmentThatWouldTakeTheBalanceBeyondItsCeilingIsRefused() {
            List<Object> history = new ArrayList<>(List.of(OPENED));
            for (int i = 1; i <= 1000; i++) {
                history.add(earned("t-" + i, LedgerLimits.TRANSACTION, i * LedgerLimits.TRANSACTION));
            }

            fixture.given(history)
                    .when(new AdjustPoints(MEMBER, "adj-1", 1, "goodwill", "ops", NOW))
                    .expectNoEvents()
                    .expectException(PointsOverflowException.class);
        }

        @Test
        void anAdjustmentBeyondOneTransactionIsInvalid() {
            assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", LedgerLimits.TRANSACTION + 1, "goodwill", "ops", NOW));
            assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", Long.MIN_VALUE, "goodwill", "ops", NOW));
        }
    }

    @Nested
    class PoisonedLog {

        /** As an older version stored it: Long.MAX_VALUE points, then a purchase whose balance wrapped. */
        private final List<Object> poisoned = List.of(OPENED, earned("t-1", Long.MAX_VALUE, Long.MAX_VALUE),
                earned("t-2", 10, Long.MIN_VALUE + 9));

        @Test
        void theAccountStillLoadsButRefusesEarningWithTheReason() {
            fixture.given(poisoned)
                    .when(new EarnPoints(MEMBER, purchase("t-3", "EUR", "10.00")))
                    .expectNoEvents()
                    .expectException(PointsOverflowException.class)
                    .expectExceptionMessage(Matchers.predicate((String message) ->
                            message.contains("account of member m-1 is frozen")
                                    && message.contains("PointsEarned chain-1:t-1 credits 9223372036854775807 points")));
        }

        @Test
        void itRejectsRedemptionsAndRefusesAdjustments() {
            fixture.given(poisoned)
                    .when(new RedeemPoints(MEMBER, "r-1", 5, "reward", NOW))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-1", 5,
                            RejectionReason.ACCOUNT_FROZEN, 0));
            fixture.given(poisoned)
                    .when(new AdjustPoints(MEMBER, "adj-1", -5, "fix", "ops", NOW))
                    .expectNoEvents()
                    .expectException(PointsOverflowException.class);
            // that its figures are refused too: BalanceTest.aFrozenAccountsFiguresAreRefused (the read model answers them)
        }

        @Test
        void itIsNotReviewedAndCanStillEndItsMembership() {
            fixture.given(poisoned)
                    .when(new ReviewAccount(MEMBER, NOW))
                    .expectNoEvents()
                    .expectResultMessagePayload(null);
            fixture.given(poisoned)
                    .when(new EndMembership(MEMBER, NOW))
                    .expectEvents(new MembershipEnded(MEMBER, NOW));
        }

        @Test
        void aSoundLogNearTheCeilingIsNotPoisoned() {
            assertNull(Poisoned.violation(earned("t-1", LedgerLimits.TRANSACTION, LedgerLimits.BALANCE)));
            assertNull(Poisoned.violation(new PointsRedeemed(MEMBER, "chain-1", "r-1", LedgerLimits.BALANCE,
                    "reward", List.of(new LotDebit("l", LedgerLimits.BALANCE)), 0)));
            String wrapped = Poisoned.violation(earned("t-2", 10, Long.MIN_VALUE + 9));
            assertTrue(wrapped.contains("leaves a balance of -9223372036854775799"), wrapped);
            assertEquals("PointsAdjusted a-1 debits 9223372036854775807 points, beyond the ceiling of "
                    + LedgerLimits.BALANCE, Poisoned.violation(new PointsAdjusted(MEMBER, "chain-1", "a-1",
                    Long.MIN_VALUE, "x", "ops", null, List.of(), 0, NOW, null)));
        }
    }
}

package io.patronage.points.account;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.json.Json;
import io.patronage.points.Transactions;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.AwardOfAnotherChainException;
import io.patronage.points.earning.AwardPoints;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.expiry.ReviewAccount;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.Require;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ExpiryRule;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramJson;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.ReturnPolicy;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.redemption.RejectionReason;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.ReturnPurchase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static io.patronage.points.Transactions.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Returns, pending days, expiry and adjustments, as given/when/then specifications of the account. */
class LedgerPolicyTest {

    private static final String MEMBER = "m-1";
    private static final PointsAccountOpened OPENED = new PointsAccountOpened(MEMBER, "chain-1", "card-1", null,
            Instant.parse("2026-01-05T09:00:00Z"));
    private static final PosTransaction T1 = purchase("t-1", "EUR", "100.00",
            OffsetDateTime.parse("2026-03-01T12:00:00+01:00"));
    private static final PosTransaction T2 = purchase("t-2", "EUR", "10.00",
            OffsetDateTime.parse("2026-04-01T12:00:00+02:00"));

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

    private static ProgramRules program(ReturnPolicy policy, int pendingDays, ExpiryRule expiry) {
        return new ProgramRules("p-v1", null, null, ZoneId.of("Europe/Athens"), null, BigDecimal.ONE,
                PointsRounding.DOWN, BigDecimal.ZERO, List.of(), null, null, null, policy, pendingDays, expiry, null);
    }

    private static PointsEarned earned(PosTransaction t, long points, long balanceAfter) {
        Instant at = t.occurredAt().toInstant();
        return new PointsEarned(MEMBER, "chain-1", t.transactionId(), "store-7", "EUR", t.total(), t.total(), points,
                ProgramRules.DEFAULT_VERSION, List.of(new Contribution("base", points)), t.occurredAt(),
                new Lot("chain-1:" + t.transactionId(), points, at), balanceAfter);
    }

    private static PosTransaction returnOf(String id, String original, String amount) {
        return new PosTransaction(id, "chain-1", "store-7", "card-1", TransactionType.RETURN,
                OffsetDateTime.parse("2026-05-01T10:00:00+02:00"), "EUR", new BigDecimal(amount), List.of(), List.of(),
                original);
    }

    private static final PointsRedeemed SPENT_80 = new PointsRedeemed(MEMBER, "chain-1", "r-1", 80, "reward",
            List.of(new LotDebit("chain-1:t-1", 80)), 30);

    @Nested
    class Returns {

        @Test
        void aPartialReturnReversesItsShareAndPartialReturnsAddUp() {
            PosTransaction first = returnOf("ret-1", "t-1", "30.00");
            PointsReversed firstReversal = new PointsReversed(MEMBER, "chain-1", "ret-1", "t-1", "EUR",
                    new BigDecimal("30.00"), 30, List.of(new LotDebit("chain-1:t-1", 30)), 0, 0,
                    new BigDecimal("0.300000000000"), 70, first.occurredAt());

            fixture.given(OPENED, earned(T1, 100, 100), firstReversal)
                    .when(new ReturnPurchase(MEMBER, returnOf("ret-2", "t-1", "80.00")))
                    .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-2", "t-1", "EUR", new BigDecimal("80.00"),
                            70, List.of(new LotDebit("chain-1:t-1", 70)), 0, 0, BigDecimal.ONE, 0,
                            first.occurredAt()));
        }

        @Test
        void aShareThatIsNotAFiniteDecimalStillReversesItsWholePoints() {
            PosTransaction twelve = purchase("t-12", "EUR", "12.00", OffsetDateTime.parse("2026-03-01T12:00:00+01:00"));
            PosTransaction refund = returnOf("ret-1", "t-12", "10.00");

            fixture.given(OPENED, earned(twelve, 12, 12))
                    .when(new ReturnPurchase(MEMBER, refund))
                    .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-1", "t-12", "EUR", new BigDecimal("10.00"),
                            10, List.of(new LotDebit("chain-1:t-12", 10)), 0, 0, new BigDecimal("0.833333333333"), 2,
                            refund.occurredAt()));
        }

        @Test
        void theSameReturnNeverCountsTwice() {
            PosTransaction refund = returnOf("ret-1", "t-1", "30.00");
            fixture.given(OPENED, earned(T1, 100, 100), new PointsReversed(MEMBER, "chain-1", "ret-1", "t-1", "EUR",
                            new BigDecimal("30.00"), 30, List.of(new LotDebit("chain-1:t-1", 30)), 0, 0,
                            new BigDecimal("0.300000000000"), 70, refund.occurredAt()))
                    .when(new ReturnPurchase(MEMBER, refund))
                    .expectNoEvents();
        }

        @Test
        void aReturnOfAPurchaseThisAccountNeverEarnedOnChangesNothing() {
            fixture.given(OPENED, earned(T1, 100, 100))
                    .when(new ReturnPurchase(MEMBER, returnOf("ret-1", "t-unknown", "30.00")))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                // policy,        taken from other lot, debt, shortfall, balance after
                "FORGIVE,         0,                    0,    30,        10",
                "CLAMP_AT_ZERO,   10,                   0,    20,        0",
                "ALLOW_NEGATIVE,  10,                   20,   20,        -20",
        })
        void whenThePointsWereSpentThePolicyDecides(ReturnPolicy policy, long fromOther, long debt, long shortfall,
                                                    long balanceAfter) {
            rules = program(policy, 0, null);
            PosTransaction refund = returnOf("ret-1", "t-1", "50.00");
            List<LotDebit> debits = fromOther == 0 ? List.of(new LotDebit("chain-1:t-1", 20))
                    : List.of(new LotDebit("chain-1:t-1", 20), new LotDebit("chain-1:t-2", fromOther));

            fixture.given(OPENED, earned(T1, 100, 100), earned(T2, 10, 110), SPENT_80)
                    .when(new ReturnPurchase(MEMBER, refund))
                    .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-1", "t-1", "EUR", new BigDecimal("50.00"),
                            50, debits, debt, shortfall, new BigDecimal("0.500000000000"), balanceAfter,
                            refund.occurredAt()));
        }
    }

    @Nested
    class PendingAndExpiry {

        @Test
        void pendingPointsCannotBeSpentUntilTheirDaysHavePassed() {
            Instant earnedAt = T1.occurredAt().toInstant();
            PointsEarned pending = new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR", T1.total(), T1.total(),
                    100, "p-v1", List.of(new Contribution("base", 100)), T1.occurredAt(),
                    new Lot("chain-1:t-1", 100, earnedAt, earnedAt.plusSeconds(14 * 86_400), null, null), 100);

            fixture.given(OPENED, pending)
                    .when(new RedeemPoints(MEMBER, "r-1", 10, "reward", earnedAt.plusSeconds(13 * 86_400)))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-1", 10,
                            RejectionReason.INSUFFICIENT_POINTS, 100));
        }

        @Test
        void aPurchaseLotGetsItsPendingDaysAndItsExpiryFromTheProgram() {
            rules = program(ReturnPolicy.CLAMP_AT_ZERO, 14, new ExpiryRule(365, null, 0, 30));
            Instant earnedAt = T1.occurredAt().toInstant();
            Instant expiresAt = Instant.parse("2027-03-01T22:00:00Z"); // end of 2027-03-01 in Athens

            fixture.given(OPENED)
                    .when(new EarnPoints(MEMBER, T1))
                    .expectEvents(new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR", T1.total(), T1.total(),
                            100, "p-v1", List.of(new Contribution("base", 100)), T1.occurredAt(),
                            new Lot("chain-1:t-1", 100, earnedAt, earnedAt.plusSeconds(14 * 86_400), expiresAt,
                                    expiresAt.minusSeconds(30 * 86_400)), 100));
        }

        @Test
        void aReviewExpiresWhatIsLeftOfExpiredLotsAndAnnouncesTheNextOnce() {
            Instant t1 = T1.occurredAt().toInstant();
            Instant t2 = T2.occurredAt().toInstant();
            Instant now = Instant.parse("2027-03-15T00:00:00Z");
            PointsEarned old = new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR", T1.total(), T1.total(),
                    100, "p-v1", List.of(), T1.occurredAt(), new Lot("chain-1:t-1", 100, t1, t1,
                    Instant.parse("2027-03-01T22:00:00Z"), null), 100);
            PointsEarned next = new PointsEarned(MEMBER, "chain-1", "t-2", "store-7", "EUR", T2.total(), T2.total(),
                    10, "p-v1", List.of(), T2.occurredAt(), new Lot("chain-1:t-2", 10, t2, t2,
                    Instant.parse("2027-04-01T21:00:00Z"), Instant.parse("2027-03-02T21:00:00Z")), 110);

            fixture.given(OPENED, old, next, SPENT_80)
                    .when(new ReviewAccount(MEMBER, now))
                    // the debit names the lot's expiry, which the published event passes on (expiryChanges)
                    .expectEvents(new PointsExpired(MEMBER, "chain-1", 20, List.of(new LotDebit("chain-1:t-1", 20,
                                    Instant.parse("2027-03-01T22:00:00Z"))), 10, now, 0),
                            new ExpiryAnnounced(MEMBER, "chain-1", "expiry:m-1:chain-1:t-2", 10,
                                    Instant.parse("2027-04-01T21:00:00Z"), List.of("chain-1:t-2"), now))
                    .expectResultMessagePayload(Instant.parse("2027-04-01T21:00:00Z"));
        }
    }

    /** Under ALLOW_NEGATIVE: a return of spent points leaves a debt of 8; what is earned after pays it off first. */
    @Nested
    class PointsEarnedInDebt {

        private final Instant t1 = T1.occurredAt().toInstant();
        private final Instant t2 = T2.occurredAt().toInstant();
        private final Instant expiry = Instant.parse("2027-03-01T22:00:00Z");
        private final Instant now = Instant.parse("2027-03-15T00:00:00Z");
        private final PointsRedeemed spentAll = new PointsRedeemed(MEMBER, "chain-1", "r-1", 10, "reward",
                List.of(new LotDebit("chain-1:t-1", 10)), 0);
        private final PointsReversed debt = new PointsReversed(MEMBER, "chain-1", "ret-1", "t-1", "EUR",
                new BigDecimal("80.00"), 8, List.of(), 8, 0, new BigDecimal("0.800000000000"), -8,
                T1.occurredAt().plusDays(1));

        private PointsEarned earnedInDebt(long points, long balanceAfter) {
            return new PointsEarned(MEMBER, "chain-1", "t-2", "store-7", "EUR", T2.total(), T2.total(), points, "p-v1",
                    List.of(), T2.occurredAt(), new Lot("chain-1:t-2", points, t2, t2, expiry,
                    expiry.minusSeconds(30 * 86_400)), balanceAfter);
        }

        @Test
        void theyPayOffTheDebtInsteadOfExpiringAndAreNotAnnounced() {
            PointsExpired settled = new PointsExpired(MEMBER, "chain-1", 0, List.of(new LotDebit("chain-1:t-2", 3,
                    expiry)), -5, now, 3);

            fixture.given(OPENED, earned(T1, 10, 10), spentAll, debt, earnedInDebt(3, -5))
                    .when(new ReviewAccount(MEMBER, now))
                    .expectEvents(settled);
            // the debt is 5 now: the balance stays -5, as before the lot's expiry
            fixture.given(OPENED, earned(T1, 10, 10), spentAll, debt, earnedInDebt(3, -5), settled)
                    .when(new RedeemPoints(MEMBER, "r-2", 1, "reward", now))
                    .expectEvents(new PointsRedemptionRejected(MEMBER, "chain-1", "r-2", 1,
                            RejectionReason.INSUFFICIENT_POINTS, -5));
        }

        @Test
        void onlyWhatIsBeyondTheDebtExpiresAndIsAnnounced() {
            fixture.given(OPENED, earned(T1, 10, 10), spentAll, debt, earnedInDebt(10, 2))
                    .when(new ReviewAccount(MEMBER, expiry.minusSeconds(86_400)))
                    .expectEvents(new ExpiryAnnounced(MEMBER, "chain-1", "expiry:m-1:chain-1:t-2", 2, expiry,
                            List.of("chain-1:t-2"), expiry.minusSeconds(86_400)));
            fixture.given(OPENED, earned(T1, 10, 10), spentAll, debt, earnedInDebt(10, 2))
                    .when(new ReviewAccount(MEMBER, now))
                    .expectEvents(new PointsExpired(MEMBER, "chain-1", 2, List.of(new LotDebit("chain-1:t-2", 10,
                            expiry)), 0, now, 8));
        }
    }

    @Test
    void aRedemptionsDebitsNameTheExpiryOfTheLotsTheyTakeFrom() {
        Instant t1 = T1.occurredAt().toInstant();
        Instant expiry = Instant.parse("2027-03-01T22:00:00Z");
        PointsEarned expiring = new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR", T1.total(), T1.total(),
                100, "p-v1", List.of(), T1.occurredAt(), new Lot("chain-1:t-1", 100, t1, t1, expiry, null), 100);

        fixture.given(OPENED, expiring, earned(T2, 10, 110))
                .when(new RedeemPoints(MEMBER, "r-1", 105, "reward", t1.plusSeconds(86_400)))
                .expectEvents(new PointsRedeemed(MEMBER, "chain-1", "r-1", 105, "reward",
                        List.of(new LotDebit("chain-1:t-1", 100, expiry), new LotDebit("chain-1:t-2", 5)), 5));
    }

    @Nested
    class Adjustments {

        @Test
        void aDebitIsTakenOldestFirstAndCountsOnce() {
            Instant at = Instant.parse("2026-06-01T00:00:00Z");
            PointsAdjusted adjusted = new PointsAdjusted(MEMBER, "chain-1", "adj-1", -30, "goodwill reversal", "ops@x",
                    null, List.of(new LotDebit("chain-1:t-1", 30)), 80, at, null);

            fixture.given(OPENED, earned(T1, 100, 100), earned(T2, 10, 110))
                    .when(new AdjustPoints(MEMBER, "adj-1", -30, "goodwill reversal", "ops@x", at))
                    .expectEvents(adjusted);
            fixture.given(OPENED, earned(T1, 100, 100), earned(T2, 10, 110), adjusted)
                    .when(new AdjustPoints(MEMBER, "adj-1", -30, "goodwill reversal", "ops@x", at))
                    .expectNoEvents();
        }

        @Test
        void aCreditWithItsOwnExpiryIsALotExpiringThenAndAnnouncedPerProgram() {
            rules = program(ReturnPolicy.CLAMP_AT_ZERO, 14, new ExpiryRule(365, null, 0, 30));
            Instant at = Instant.parse("2026-06-01T00:00:00Z");
            Instant expiresAt = Instant.parse("2026-09-30T21:00:00Z");
            fixture.given(OPENED, earned(T1, 100, 100))
                    .when(new AdjustPoints(MEMBER, "adj-1", 20, "goodwill", "ops@x", at, expiresAt))
                    .expectEvents(new PointsAdjusted(MEMBER, "chain-1", "adj-1", 20, "goodwill", "ops@x",
                            new Lot("adj-1", 20, at, at, expiresAt, Instant.parse("2026-08-31T21:00:00Z")),
                            List.of(), 120, at, expiresAt));
        }

        @Test
        void aCreditWithoutOneExpiresAsTheProgramSays() {
            rules = program(ReturnPolicy.CLAMP_AT_ZERO, 14, new ExpiryRule(365, null, 0, 30));
            Instant at = Instant.parse("2026-06-01T00:00:00Z");
            fixture.given(OPENED)
                    .when(new AdjustPoints(MEMBER, "adj-1", 20, "goodwill", "ops@x", at))
                    .expectEvents(new PointsAdjusted(MEMBER, "chain-1", "adj-1", 20, "goodwill", "ops@x",
                            new Lot("adj-1", 20, at, at, rules.expiry().expiresAt(at, rules.timeZone()), null),
                            List.of(), 20, at, null));
        }

        @Test
        void anExpiryIsOnlyForACreditAndOnlyAfterTheAdjustment() {
            Instant at = Instant.parse("2026-06-01T00:00:00Z");
            IllegalArgumentException debit = assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", -5, "fix", "ops@x", at, at.plusSeconds(3600)));
            assertTrue(debit.getMessage().startsWith("expiresAt"), debit.getMessage());
            IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", 5, "fix", "ops@x", at, at.minusSeconds(1)));
            assertTrue(past.getMessage().startsWith("expiresAt"), past.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", 5, "fix", "ops@x", at, at));
            IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", 5, "fix", "ops@x", at, Instant.MAX));
            assertTrue(far.getMessage().startsWith("expiresAt must be at most"), far.getMessage());
            IllegalArgumentException longReason = assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "adj-1", 5, "r".repeat(Require.MAX_TEXT + 1), "ops@x", at));
            assertEquals("reason must be at most 500 characters, has 501", longReason.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> new AdjustPoints(MEMBER, "a".repeat(Require.MAX_TEXT + 1), 5, "fix", "ops@x", at));
            Instant latest = at.plus(AdjustPoints.LONGEST_EXPIRY);
            assertEquals(latest, new AdjustPoints(MEMBER, "adj-1", 5, "fix", "ops@x", at, latest).expiresAt());
        }

        @Test
        void anAdjustmentStoredBeforeTheExpiryFieldStillLoads() throws Exception {
            String stored = """
                    {"memberId":"m-1","chainId":"chain-1","adjustmentId":"adj-1","points":5,"reason":"goodwill",
                     "actor":"ops@x","lot":{"lotId":"adj-1","points":5,"earnedAt":"2026-06-01T00:00:00Z",
                     "availableAt":"2026-06-01T00:00:00Z","expiresAt":null,"noticeAt":null},"debits":[],
                     "balanceAfter":5,"adjustedAt":"2026-06-01T00:00:00Z"}""";
            PointsAdjusted old = Json.mapper().readValue(stored, PointsAdjusted.class);
            assertNull(old.expiresAt());
            fixture.given(OPENED, old)
                    .when(new AdjustPoints(MEMBER, "adj-2", -5, "fix", "ops@x", Instant.parse("2026-06-02T00:00:00Z")))
                    .expectEvents(new PointsAdjusted(MEMBER, "chain-1", "adj-2", -5, "fix", "ops@x", null,
                            List.of(new LotDebit("adj-1", 5)), 0, Instant.parse("2026-06-02T00:00:00Z"), null));
        }

        @Test
        void aDebitAboveTheBalanceIsRefused() {
            fixture.given(OPENED, earned(T2, 10, 10))
                    .when(new AdjustPoints(MEMBER, "adj-1", -11, "typo", "ops@x", Instant.now()))
                    .expectException(IllegalStateException.class);
        }
    }

    @Nested
    class DayAndPeriodCaps {

        /** 100 a day and 250 a month per member, in Athens. */
        private static ProgramRules capped() {
            return ProgramJson.parse("""
                    {"version":"p-caps","pointsPerUnit":1,"timeZone":"Europe/Athens","maxPointsPerDay":100,
                     "maxPointsPerPeriod":{"points":250,"period":"MONTH"}}""");
        }

        private final PosTransaction morning = purchase("t-1", "EUR", "70.00",
                OffsetDateTime.parse("2026-03-02T09:00:00+02:00"));
        private final PosTransaction evening = purchase("t-2", "EUR", "60.00",
                OffsetDateTime.parse("2026-03-02T23:30:00+02:00"));

        private PointsEarned earnedUnder(PosTransaction t, List<Contribution> breakdown, long balanceAfter) {
            long points = breakdown.stream().mapToLong(Contribution::points).sum();
            Instant at = t.occurredAt().toInstant();
            return new PointsEarned(MEMBER, "chain-1", t.transactionId(), "store-7", "EUR", t.total(), t.total(),
                    points, "p-caps", breakdown, t.occurredAt(), rules.lot("chain-1:" + t.transactionId(), points, at),
                    balanceAfter, 0, List.of(), List.of(), null);
        }

        @Test
        void theSecondPurchaseOfTheDayEarnsWhatIsLeftOfTheDaysCap() {
            rules = capped();
            fixture.given(OPENED, earnedUnder(morning, List.of(new Contribution("base", 70)), 70))
                    .when(new EarnPoints(MEMBER, evening))
                    .expectEvents(earnedUnder(evening, List.of(new Contribution("base", 60),
                            new Contribution("cap:day", -30)), 100));
        }

        @Test
        void theNextDayHasItsOwnCapButTheMonthsIsShared() {
            rules = capped();
            PosTransaction nextDay = purchase("t-3", "EUR", "90.00", OffsetDateTime.parse("2026-03-03T08:00:00+02:00"));
            PosTransaction later = purchase("t-4", "EUR", "90.00", OffsetDateTime.parse("2026-03-20T08:00:00+02:00"));
            PointsEarned first = earnedUnder(morning, List.of(new Contribution("base", 70)), 70);
            PointsEarned second = earnedUnder(evening, List.of(new Contribution("base", 60), new Contribution("cap:day", -30)), 100);
            PointsEarned third = earnedUnder(nextDay, List.of(new Contribution("base", 90)), 190);

            fixture.given(OPENED, first, second, third)
                    .when(new EarnPoints(MEMBER, later))
                    .expectEvents(earnedUnder(later, List.of(new Contribution("base", 90),
                            new Contribution("cap:period", -30)), 250));
        }

        @Test
        void aReturnOfACappedPurchaseReversesWhatWasCreditedNotWhatWouldHaveBeen() {
            rules = capped();
            PosTransaction refund = new PosTransaction("ret-2", "chain-1", "store-7", "card-1", TransactionType.RETURN,
                    OffsetDateTime.parse("2026-03-04T10:00:00+02:00"), "EUR", new BigDecimal("30.00"), List.of(),
                    List.of(), "t-2");

            fixture.given(OPENED, earnedUnder(morning, List.of(new Contribution("base", 70)), 70),
                            earnedUnder(evening, List.of(new Contribution("base", 60), new Contribution("cap:day", -30)), 100))
                    .when(new ReturnPurchase(MEMBER, refund))
                    .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-2", "t-2", "EUR", new BigDecimal("30.00"),
                            15, List.of(new LotDebit("chain-1:t-2", 15)), 0, 0, new BigDecimal("0.500000000000"), 85,
                            refund.occurredAt()));
        }
    }

    @Nested
    class UnlinkedReturns {

        private final PosTransaction monday = purchase("t-1", "EUR", "30.00",
                OffsetDateTime.parse("2026-03-02T09:00:00+02:00"), Transactions.line("A", "tea", "2", "10.00"),
                Transactions.line("B", "mug", "1", "10.00"));
        private final PosTransaction tuesday = purchase("t-2", "EUR", "10.00",
                OffsetDateTime.parse("2026-03-03T09:00:00+02:00"), Transactions.line("A", "tea", "1", "10.00"));

        private PointsEarned earnedWithLines(PosTransaction t, long points, long balanceAfter) {
            Instant at = t.occurredAt().toInstant();
            return new PointsEarned(MEMBER, "chain-1", t.transactionId(), "store-7", "EUR", t.total(), t.total(),
                    points, ProgramRules.DEFAULT_VERSION, List.of(new Contribution("base", points)), t.occurredAt(),
                    new Lot("chain-1:" + t.transactionId(), points, at), balanceAfter, 0, t.lines(), List.of(), null);
        }

        private PosTransaction unlinked(String id, String total, String quantity) {
            return new PosTransaction(id, "chain-1", "store-7", "card-1", TransactionType.RETURN,
                    OffsetDateTime.parse("2026-03-05T10:00:00+02:00"), "EUR", new BigDecimal(total),
                    List.of(Transactions.line("A", "tea", quantity, "10.00")), List.of(), null);
        }

        @Test
        void aRefundWithoutTheOriginalIdReversesTheNewestPurchasesOfItsSkusFirst() {
            PosTransaction refund = unlinked("ret-1", "20.00", "2");
            List<io.patronage.contracts.retail.TransactionLine> one = List.of(Transactions.line("A", "tea", "1", "10.00"));

            fixture.given(OPENED, earnedWithLines(monday, 30, 30), earnedWithLines(tuesday, 10, 40))
                    .when(new ReturnPurchase(MEMBER, refund))
                    .expectEvents(
                            new PointsReversed(MEMBER, "chain-1", "ret-1", "t-2", "EUR", new BigDecimal("10.00"), 10,
                                    List.of(new LotDebit("chain-1:t-2", 10)), 0, 0, new BigDecimal("1.000000000000"),
                                    30, refund.occurredAt(), null, one),
                            new PointsReversed(MEMBER, "chain-1", "ret-1", "t-1", "EUR", new BigDecimal("10.00"), 10,
                                    List.of(new LotDebit("chain-1:t-1", 10)), 0, 0, new BigDecimal("0.333333333333"),
                                    20, refund.occurredAt(), null, one));
        }

        @Test
        void whatWasReturnedBeforeIsNotMatchedAgainAndNothingLeftChangesNothing() {
            List<io.patronage.contracts.retail.TransactionLine> one = List.of(Transactions.line("A", "tea", "1", "10.00"));
            PointsReversed first = new PointsReversed(MEMBER, "chain-1", "ret-1", "t-2", "EUR", new BigDecimal("10.00"),
                    10, List.of(new LotDebit("chain-1:t-2", 10)), 0, 0, new BigDecimal("1.000000000000"), 30,
                    OffsetDateTime.parse("2026-03-05T10:00:00+02:00"), null, one);
            PosTransaction second = unlinked("ret-2", "50.00", "5");

            fixture.given(OPENED, earnedWithLines(monday, 30, 30), earnedWithLines(tuesday, 10, 40), first)
                    .when(new ReturnPurchase(MEMBER, second))
                    .expectEvents(new PointsReversed(MEMBER, "chain-1", "ret-2", "t-1", "EUR", new BigDecimal("20.00"),
                            20, List.of(new LotDebit("chain-1:t-1", 20)), 0, 0, new BigDecimal("0.666666666667"), 10,
                            second.occurredAt(), null, List.of(Transactions.line("A", "tea", "2", "10.00"))));
            fixture.given(OPENED, earnedWithLines(tuesday, 10, 10), first)
                    .when(new ReturnPurchase(MEMBER, second))
                    .expectNoEvents();
        }
    }

    @Nested
    class Awards {

        private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

        /** A completed survey earns 20 points. */
        private static ProgramRules surveyed() {
            return ProgramJson.parse("""
                    {"version":"p-survey","pointsPerUnit":1,"timeZone":"Europe/Athens",
                     "bonuses":{"engagement":{"SURVEY_COMPLETED":20}}}""");
        }

        @Test
        void aSurveyOfTheMembersChainEarnsItsBonus() {
            rules = surveyed();
            fixture.given(OPENED)
                    .when(new AwardPoints(MEMBER, "chain-1", "engagement:chain-1:e-1", "SURVEY_COMPLETED", AT))
                    .expectEvents(new PointsAwarded(MEMBER, "chain-1", "engagement:chain-1:e-1", "SURVEY_COMPLETED",
                            "p-survey", 20, rules.lot("engagement:chain-1:e-1", 20, AT), 20, AT));
        }

        @Test
        void aSurveyOfAnotherChainCreditsNothingInTheMembersProgram() {
            rules = surveyed();
            fixture.given(OPENED)
                    .when(new AwardPoints(MEMBER, "chain-2", "engagement:chain-2:e-1", "SURVEY_COMPLETED", AT))
                    .expectNoEvents()
                    .expectException(AwardOfAnotherChainException.class)
                    .expectExceptionMessage("award engagement:chain-2:e-1 of chain chain-2 names member m-1 of chain "
                            + "chain-1: nothing awarded");
        }
    }
}

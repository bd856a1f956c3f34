package io.patronage.points.account;

import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.expiry.ReviewAccount;
import io.patronage.points.ledger.Lot;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramJson;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.tiers.TierChanged;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import static io.patronage.points.Transactions.purchase;

/**
 * Tiers on the balance or the available points, and the downgrade at once when the basis drops ({@code ON_DROP}):
 * the account's decisions as Axon fixture specifications.
 */
class TierBasisTest {

    private static final String MEMBER = "m-1";
    private static final Instant AT = Instant.parse("2026-11-27T08:15:00Z");
    private static final PointsAccountOpened OPENED = new PointsAccountOpened(MEMBER, "chain-1", "card-1",
            MonthDay.of(4, 1), AT.minus(Duration.ofDays(30)));
    private static final TierChanged SILVER = new TierChanged(MEMBER, "chain-1", null, "SILVER", "QUALIFIED", AT);

    private static ProgramRules program(String basis, String downgrade, int pendingDays) {
        return ProgramJson.parse("""
                {"version":"v1","pointsPerUnit":1,"pendingDays":%d,
                 "tiers":{"basis":"%s","downgrade":"%s","levels":[{"name":"SILVER","threshold":100},
                                                                  {"name":"GOLD","threshold":300}]}}"""
                .formatted(pendingDays, basis, downgrade));
    }

    private static AggregateTestFixture<PointsAccount> fixture(ProgramRules rules) {
        AggregateTestFixture<PointsAccount> fixture = new AggregateTestFixture<>(PointsAccount.class);
        fixture.registerInjectableResource((ProgramCatalog) (chainId, at) -> rules);
        return fixture;
    }

    /** 150 points earned at {@code AT}, spendable after {@code pendingDays}. */
    private static PointsEarned earned150(int pendingDays) {
        return new PointsEarned(MEMBER, "chain-1", "t-1", "store-7", "EUR", new BigDecimal("150.00"),
                new BigDecimal("150.00"), 150, "v1", List.of(new Contribution("base", 150)), AT.atOffset(ZoneOffset.UTC),
                new Lot("chain-1:t-1", 150, AT, AT.plus(Duration.ofDays(pendingDays)), null, null), 150);
    }

    /** The events' payloads, each matching its predicate, and no more. */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<EventMessage<?>>> events(Predicate<Object>... each) {
        Matcher[] matchers = new Matcher[each.length + 1];
        for (int i = 0; i < each.length; i++) {
            matchers[i] = Matchers.predicate(each[i]);
        }
        matchers[each.length] = Matchers.andNoMore();
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(matchers));
    }

    @Test
    void onTheBalanceARedemptionThatTakesItBelowTheThresholdDowngradesAtOnce() {
        Instant redeemed = AT.plus(Duration.ofHours(2));
        fixture(program("BALANCE", "ON_DROP", 0))
                .given(OPENED, earned150(0), SILVER)
                .when(new RedeemPoints(MEMBER, "r-1", 100, "reward:mug", redeemed))
                .expectEventsMatching(events(e -> e instanceof PointsRedeemed,
                        e -> e.equals(new TierChanged(MEMBER, "chain-1", "SILVER", null, "BASIS_DROPPED", redeemed))));
    }

    @Test
    void withoutOnDropTheDropWaitsForTheReview() {
        Instant redeemed = AT.plus(Duration.ofHours(2));
        Instant reviewed = AT.plus(Duration.ofDays(1));
        ProgramRules rules = program("BALANCE", "IMMEDIATE", 0);
        fixture(rules).given(OPENED, earned150(0), SILVER)
                .when(new RedeemPoints(MEMBER, "r-1", 100, "reward:mug", redeemed))
                .expectEventsMatching(events(e -> e instanceof PointsRedeemed));
        fixture(rules).given(OPENED, earned150(0), SILVER)
                .andGivenCommands(new RedeemPoints(MEMBER, "r-1", 100, "reward:mug", redeemed))
                .when(new ReviewAccount(MEMBER, reviewed))
                .expectEvents(new TierChanged(MEMBER, "chain-1", "SILVER", null, "NO_LONGER_QUALIFIES", reviewed));
    }

    @Test
    void aDebitAdjustmentDropsAtOnceAndACreditUpgradesOnTheBalance() {
        Instant adjusted = AT.plus(Duration.ofHours(3));
        ProgramRules rules = program("BALANCE", "ON_DROP", 0);
        fixture(rules).given(OPENED, earned150(0), SILVER)
                .when(new AdjustPoints(MEMBER, "a-1", -60, "duplicate receipt", "ops@it", adjusted))
                .expectEventsMatching(events(e -> e.getClass().getSimpleName().equals("PointsAdjusted"),
                        e -> e.equals(new TierChanged(MEMBER, "chain-1", "SILVER", null, "BASIS_DROPPED", adjusted))));
        fixture(rules).given(OPENED, earned150(0), SILVER)
                .when(new AdjustPoints(MEMBER, "a-1", 200, "goodwill", "ops@it", adjusted))
                .expectEventsMatching(events(e -> e.getClass().getSimpleName().equals("PointsAdjusted"),
                        e -> e.equals(new TierChanged(MEMBER, "chain-1", "SILVER", "GOLD", "QUALIFIED", adjusted))));
    }

    @Test
    void onTheAvailablePointsPendingPointsCountOnceAvailableAtTheReviewThen() {
        ProgramRules rules = program("AVAILABLE", "IMMEDIATE", 14);
        fixture(rules).given(OPENED)
                .when(new EarnPoints(MEMBER, purchase("t-1", "EUR", "150.00", AT.atOffset(ZoneOffset.UTC))))
                .expectEventsMatching(events(e -> e instanceof PointsEarned));
        Instant available = AT.plus(Duration.ofDays(14));
        fixture(rules).given(OPENED, earned150(14))
                .when(new ReviewAccount(MEMBER, available))
                .expectEvents(new TierChanged(MEMBER, "chain-1", null, "SILVER", "QUALIFIED", available))
                .expectResultMessagePayload(Instant.parse("2026-12-12T00:00:00Z")); // a tier is looked at daily
    }
}

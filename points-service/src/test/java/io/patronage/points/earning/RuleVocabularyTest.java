package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.program.LineMultiplier;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramJson;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.RoundingScope;
import io.patronage.points.program.Stacking;
import io.patronage.points.program.Campaign;
import io.patronage.points.program.TierRules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.patronage.points.Transactions.line;
import static io.patronage.points.Transactions.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rule vocabulary of #17: rounding per rule, stacking modes, ...; one specification each. */
class RuleVocabularyTest {

    private static final AccountStanding MEMBER = new AccountStanding(null, 3);

    private static ProgramRules program(PointsRounding rounding, RoundingScope roundingPer,
                                        List<LineMultiplier> multipliers) {
        return new ProgramRules("v1", null, null, null, null, BigDecimal.ONE, rounding, BigDecimal.ZERO, multipliers,
                null, null, null, null, 0, null, null, roundingPer, null, null);
    }

    private static ProgramRules stacked(Stacking stacking, List<LineMultiplier> multipliers, List<Campaign> campaigns,
                                        TierRules tiers) {
        return new ProgramRules("v1", null, null, null, null, BigDecimal.ONE, PointsRounding.DOWN, BigDecimal.ZERO,
                multipliers, null, campaigns, null, null, 0, null, tiers, null, stacking, null);
    }

    private static Map<String, Long> breakdown(EarningOutcome outcome) {
        return outcome.breakdown().stream().collect(Collectors.toMap(Contribution::rule, Contribution::points));
    }

    @Nested
    class RoundingPerRule {

        private static final List<LineMultiplier> HALF_EXTRA = List.of(
                LineMultiplier.category("wine", new BigDecimal("1.5")),
                LineMultiplier.category("cheese", new BigDecimal("1.5")));

        /** 7 base, and 1.5 extra each for wine and cheese: 10 exactly. */
        private static final PosTransaction BASKET = purchase("t-1", "EUR", "7.00",
                line("W-1", "wine", "1", "3.00"), line("C-1", "cheese", "1", "3.00"), line("B-1", "bread", "1", "1.00"));

        @Test
        void onTheSumTheHalvesAddUpToWholePoints() {
            EarningOutcome outcome = EarningPolicy.earn(program(PointsRounding.DOWN, null, HALF_EXTRA), MEMBER, BASKET);

            assertEquals(10, outcome.points());
        }

        @Test
        void perRuleEachRulesPointsAreRoundedThenSummed() {
            EarningOutcome down = EarningPolicy.earn(program(PointsRounding.DOWN, RoundingScope.RULE, HALF_EXTRA),
                    MEMBER, BASKET);
            EarningOutcome up = EarningPolicy.earn(program(PointsRounding.UP, RoundingScope.RULE, HALF_EXTRA),
                    MEMBER, BASKET);

            assertEquals(Map.of("base", 7L, "category:wine", 1L, "category:cheese", 1L), breakdown(down));
            assertEquals(9, down.points());
            assertEquals(Map.of("base", 7L, "category:wine", 2L, "category:cheese", 2L), breakdown(up));
            assertEquals(11, up.points());
        }

        @Test
        void aProgramWithoutTheFieldRoundsOnceOnTheSum() {
            assertEquals(RoundingScope.TRANSACTION, program(PointsRounding.DOWN, null, List.of()).roundingPer());
            assertEquals(RoundingScope.TRANSACTION, ProgramRules.DEFAULT.roundingPer());
        }
    }

    @Nested
    class StackingModes {

        private static final AccountStanding GOLD = new AccountStanding(null, 3, null, "GOLD", false);
        private static final TierRules TIERS = new TierRules(null, 365,
                List.of(new TierRules.Level("GOLD", BigDecimal.ZERO, new BigDecimal("1.5"))), null, 0, 1);
        /** wine line: 10 base; bread line: 10 base. */
        private static final PosTransaction BASKET = purchase("t-1", "EUR", "20.00",
                line("W-1", "wine", "1", "10.00"), line("B-1", "bread", "2", "5.00"));
        private static final List<LineMultiplier> WINE = List.of(
                new LineMultiplier(LineMultiplier.Scope.CATEGORY, "wine", new BigDecimal("2"), 2),
                new LineMultiplier(LineMultiplier.Scope.SKU, "W-1", new BigDecimal("3"), 3));
        private static final List<Campaign> WEEKEND = List.of(
                new Campaign("weekend", null, null, new BigDecimal("2"), 0, null, null, null, 5));

        @Test
        void additiveAddsEachFactorsExtraAsToday() {
            EarningOutcome outcome = EarningPolicy.earn(stacked(null, WINE, List.of(), null), MEMBER, BASKET);

            assertEquals(Map.of("base", 20L, "category:wine", 10L, "sku:W-1", 20L), breakdown(outcome));
            assertEquals(50, outcome.points(), "wine 1 + 1 + 2 = 4 x 10, bread 10");
        }

        @Test
        void multiplicativeMultipliesTheFactorsAndCreditsEachWhatItAddsOnTopOfTheOnesBefore() {
            EarningOutcome outcome = EarningPolicy.earn(stacked(Stacking.MULTIPLICATIVE, WINE, WEEKEND, TIERS), GOLD,
                    BASKET);

            // wine: 10 x 2 x 3 x 2 x 1.5 = 180; bread: 10 x 2 x 1.5 = 30
            assertEquals(210, outcome.points());
            assertEquals(Map.of("base", 20L, "category:wine", 10L, "sku:W-1", 40L, "campaign:weekend", 70L,
                    "tier:GOLD", 70L), breakdown(outcome));
        }

        @Test
        void byPriorityOnlyTheHighestPriorityMatchingMultiplierAppliesToALine() {
            EarningOutcome outcome = EarningPolicy.earn(stacked(Stacking.PRIORITY, WINE, List.of(), TIERS), GOLD, BASKET);

            // wine: sku ×3 (priority 3) beats category ×2 (2) and the tier ×1.5 (1); bread: only the tier matches
            assertEquals(Map.of("base", 20L, "sku:W-1", 20L, "tier:GOLD", 5L), breakdown(outcome));
            assertEquals(45, outcome.points());
        }

        @Test
        void byPriorityACampaignOutranksTheLineMultipliersAndTiesGoToTheEarlierRule() {
            List<LineMultiplier> tied = List.of(LineMultiplier.category("wine", new BigDecimal("2")),
                    LineMultiplier.sku("W-1", new BigDecimal("3")));

            EarningOutcome campaign = EarningPolicy.earn(stacked(Stacking.PRIORITY, WINE, WEEKEND, null), MEMBER, BASKET);
            EarningOutcome tie = EarningPolicy.earn(stacked(Stacking.PRIORITY, tied, List.of(), null), MEMBER, BASKET);

            assertEquals(Map.of("base", 20L, "campaign:weekend", 20L), breakdown(campaign));
            assertEquals(Map.of("base", 20L, "category:wine", 10L), breakdown(tie));
        }

        @Test
        void aProgramWithoutTheFieldStacksAdditively() {
            assertEquals(Stacking.ADDITIVE, ProgramRules.DEFAULT.stacking());
        }
    }

    @Nested
    class IncludeOnlyList {

        private static final PosTransaction BASKET = purchase("t-1", "EUR", "30.00",
                line("W-1", "wine", "1", "10.00"), line("B-1", "bread", "1", "10.00"), line("G-1", "gift-cards", "1", "10.00"));

        private static ProgramRules program(String includeOnly) {
            return ProgramJson.parse("""
                    {"version":"v1","pointsPerUnit":1,"minimumSpend":15,
                     "multipliers":[{"scope":"SKU","value":"W-1","factor":0}],
                     "bonuses":{"skus":{"B-1":5,"G-1":7}},
                     "includeOnly":%s}""".formatted(includeOnly));
        }

        @Test
        void onlyTheListedCategoriesAndSkusEarnAndExclusionsStillWin() {
            EarningOutcome outcome = EarningPolicy.earn(program("{\"categories\":[\"wine\",\"bread\"],\"skus\":[\"G-1\"]}"),
                    MEMBER, BASKET);

            // wine is listed but excluded by its SKU's factor 0
            assertEquals(new BigDecimal("20.00"), outcome.eligibleAmount());
            assertEquals(Map.of("base", 20L, "sku-bonus:B-1", 5L, "sku-bonus:G-1", 7L), breakdown(outcome));
        }

        @Test
        void theMinimumSpendIsComparedWithTheIncludedLinesOnly() {
            EarningOutcome outcome = EarningPolicy.earn(program("{\"categories\":[\"bread\"]}"), MEMBER, BASKET);

            assertEquals(0, outcome.points(), "10.00 of bread is below the minimum spend of 15");
            assertEquals(new BigDecimal("10.00"), outcome.eligibleAmount());
        }

        @Test
        void anEmptyOrMissingListLetsEveryLineEarn() {
            assertEquals(32, EarningPolicy.earn(program("{}"), MEMBER, BASKET).points());
            assertEquals(32, EarningPolicy.earn(program("null"), MEMBER, BASKET).points());
        }
    }

    @Nested
    class SkuBonusOncePerTransaction {

        private static final ProgramRules PROGRAM = ProgramJson.parse("""
                {"version":"v1","pointsPerUnit":1,"maxPointsPerTransaction":60,
                 "multipliers":[{"scope":"SKU","value":"G-1","factor":0}],
                 "bonuses":{"skus":{"B-1":5},"skusOnce":{"B-1":20,"C-1":30,"G-1":40}}}""");

        @Test
        void isGivenOnceWhateverTheQuantityBesidesThePerUnitBonusAndIsCapped() {
            EarningOutcome outcome = EarningPolicy.earn(PROGRAM, MEMBER, purchase("t-1", "EUR", "13.00",
                    line("B-1", "bread", "3", "1.00"), line("C-1", "cheese", "0.5", "20.00"), line("G-1", "gift", "1", "0.00")));

            // 13 base + 15 per unit of B-1 + 20 once for B-1 + 30 once for C-1 (half a kilo counts) = 78, capped at
            // 60; G-1 is excluded so earns no bonus
            assertEquals(Map.of("base", 13L, "sku-bonus:B-1", 15L, "sku-once:B-1", 20L, "sku-once:C-1", 30L, "cap", -18L),
                    breakdown(outcome));
            assertEquals(60, outcome.points());
        }

        @Test
        void isNotGivenWithoutTheSku() {
            assertEquals(10, EarningPolicy.earn(PROGRAM, MEMBER, purchase("t-1", "EUR", "10.00",
                    line("W-1", "wine", "1", "10.00"))).points());
        }
    }

    @Nested
    class DayAndPeriodCaps {

        /** Athens: 2026-11-27 runs from 2026-11-26T22:00Z to 2026-11-27T22:00Z. */
        private static final ProgramRules PROGRAM = ProgramJson.parse("""
                {"version":"v1","pointsPerUnit":1,"timeZone":"Europe/Athens","maxPointsPerTransaction":400,
                 "maxPointsPerDay":500,"maxPointsPerPeriod":{"points":800,"period":"MONTH"},
                 "bonuses":{"firstPurchase":50}}""");
        private static final PosTransaction THREE_HUNDRED = purchase("t-9", "EUR", "300.00"); // 2026-11-27 10:15 +02:00

        private static AccountStanding earned(int purchases, CappedEarning... earnings) {
            return new AccountStanding(null, purchases, null, null, false, List.of(earnings));
        }

        private static CappedEarning at(String instant, long points) {
            return new CappedEarning(java.time.Instant.parse(instant), points);
        }

        @Test
        void whatIsLeftOfTheMembersDayInTheProgramsZoneIsCreditedAndTheRestCut() {
            EarningOutcome outcome = EarningPolicy.earn(PROGRAM,
                    earned(2, at("2026-11-26T22:30:00Z", 300), at("2026-11-26T21:30:00Z", 200)), THREE_HUNDRED);

            // 00:30 in Athens is the same day, 23:30 the day before
            assertEquals(Map.of("base", 300L, "cap:day", -100L), breakdown(outcome));
            assertEquals(200, outcome.points());
        }

        @Test
        void thePerTransactionCapComesFirstThenTheDayThenThePeriod() {
            EarningOutcome outcome = EarningPolicy.earn(PROGRAM, earned(2, at("2026-11-27T08:00:00Z", 100),
                    at("2026-11-02T08:00:00Z", 550), at("2026-10-31T21:59:00Z", 700)), purchase("t-9", "EUR", "450.00"));

            // 450 capped to 400 per transaction; 400 left of the day; 800 - 650 = 150 left of November in Athens
            assertEquals(Map.of("base", 450L, "cap", -50L, "cap:period", -250L), breakdown(outcome));
            assertEquals(150, outcome.points());
        }

        @Test
        void aMemberWhoReachedACapEarnsOnlyTheUncappedMemberBonuses() {
            EarningOutcome outcome = EarningPolicy.earn(PROGRAM, earned(0, at("2026-11-27T08:00:00Z", 500)),
                    THREE_HUNDRED);

            assertEquals(Map.of("base", 300L, "cap:day", -300L, "first-purchase", 50L), breakdown(outcome));
            assertEquals(50, outcome.points());
            assertEquals(0, EarningPolicy.capped(outcome.breakdown()), "member bonuses do not count towards the caps");
        }

        @Test
        void quarterAndYearPeriodsStartOnTheirFirstDay() {
            ProgramRules quarterly = ProgramJson.parse("""
                    {"version":"v1","pointsPerUnit":1,"timeZone":"Europe/Athens",
                     "maxPointsPerPeriod":{"points":1000,"period":"QUARTER"}}""");
            ProgramRules yearly = ProgramJson.parse("""
                    {"version":"v1","pointsPerUnit":1,"timeZone":"Europe/Athens",
                     "maxPointsPerPeriod":{"points":1000,"period":"YEAR"}}""");
            AccountStanding member = earned(2, at("2026-09-30T20:00:00Z", 900), at("2026-10-01T08:00:00Z", 800));

            assertEquals(200, EarningPolicy.earn(quarterly, member, THREE_HUNDRED).points(), "Q4 from 1 October");
            assertEquals(0, EarningPolicy.earn(yearly, member, THREE_HUNDRED).points(), "1,700 this year already");
        }

        @Test
        void withoutCapsEarlierEarningsChangeNothing() {
            assertEquals(300, EarningPolicy.earn(ProgramRules.DEFAULT, earned(2, at("2026-11-27T08:00:00Z", 5_000)),
                    THREE_HUNDRED).points());
        }
    }

    @Nested
    class FractionalPoints {

        private static ProgramRules program(String rounding) {
            return ProgramJson.parse("""
                    {"version":"v1","pointsPerUnit":0.1,"rounding":"%s","pointsDecimals":2,
                     "maxPointsPerTransaction":5,"bonuses":{"visit":1}}""".formatted(rounding));
        }

        @Test
        void theRulesRoundToTheProgramsDecimalsAndItsFiguresAreInUnitsOfThem() {
            EarningOutcome outcome = EarningPolicy.earn(program("DOWN"), MEMBER, purchase("t-1", "EUR", "25.79"));

            // 2.579 points rounded down to 2.57, and the visit bonus of 1 point: 3.57 points, in hundredths
            assertEquals(Map.of("base", 257L, "visit", 100L), breakdown(outcome));
            assertEquals(357, outcome.points());
            assertEquals(new BigDecimal("3.57"), program("DOWN").points(outcome.points()));
        }

        @Test
        void roundingUpIsToTheNextHundredthAndTheCapIsInPoints() {
            assertEquals(358, EarningPolicy.earn(program("UP"), MEMBER, purchase("t-1", "EUR", "25.71")).points());
            EarningOutcome capped = EarningPolicy.earn(program("DOWN"), MEMBER, purchase("t-1", "EUR", "49.99"));
            assertEquals(Map.of("base", 499L, "visit", 100L, "cap", -99L), breakdown(capped), "capped at 5.00 points");
        }

        @Test
        void aProgramWithoutDecimalsKeepsWholePoints() {
            assertEquals(0, ProgramRules.DEFAULT.pointsDecimals());
            assertEquals(1, ProgramRules.DEFAULT.unitsPerPoint());
            assertEquals(25, EarningPolicy.earn(ProgramRules.DEFAULT, MEMBER, purchase("t-1", "EUR", "25.79")).points());
        }
    }
}

package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.points.Transactions;
import io.patronage.points.program.LineMultiplier;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramRules;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static io.patronage.points.Transactions.line;
import static io.patronage.points.Transactions.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EarningPolicyTest {

    private static final AccountStanding MEMBER = new AccountStanding(null, 0);

    private static EarningOutcome earn(ProgramRules rules, PosTransaction transaction) {
        return EarningPolicy.earn(rules, MEMBER, transaction);
    }

    private static ProgramRules rules(String pointsPerUnit, PointsRounding rounding, String minimumSpend,
                                      List<LineMultiplier> multipliers, Long cap) {
        return new ProgramRules("test-v1", new BigDecimal(pointsPerUnit), rounding, new BigDecimal(minimumSpend),
                multipliers, cap);
    }

    private static LineMultiplier category(String category, String factor) {
        return LineMultiplier.category(category, new BigDecimal(factor));
    }

    @Nested
    class DefaultProgram {

        @ParameterizedTest(name = "{1} {0} earns {2}")
        @CsvSource({
                "EUR, 23.99, 23",
                "EUR, 0.99, 0",
                "JPY, 1234, 1234",
                "KWD, 12.345, 12",
                "KWD, 0.999, 0",
                "BHD, 7.500, 7",
        })
        void earnsOnePointPerWholeCurrencyUnitRoundedDown(String currency, String total, long points) {
            EarningOutcome outcome = earn(ProgramRules.DEFAULT, purchase("t-1", currency, total));

            assertEquals(points, outcome.points());
            assertEquals("default-v1", outcome.ruleVersion());
            assertEquals(points == 0 ? List.of() : List.of(new Contribution("base", points)), outcome.breakdown());
            assertEquals(new BigDecimal(total), outcome.eligibleAmount());
        }

        @Test
        void earnsOnTheTotalThatWasPaidNotOnTheLinePrices() {
            EarningOutcome outcome = earn(ProgramRules.DEFAULT, purchase("t-1", "EUR", "18.00",
                    line("a", "food", "2", "5.00"), line("b", "food", "1", "10.00")));

            assertEquals(18, outcome.points());
        }

        @Test
        void aReturnEarnsNothing() {
            EarningOutcome outcome = earn(ProgramRules.DEFAULT, Transactions.returned("t-2", "EUR", "50.00"));

            assertEquals(0, outcome.points());
            assertEquals(List.of(), outcome.breakdown());
        }
    }

    @Nested
    class Rounding {

        @ParameterizedTest(name = "{0} of {1} EUR at {2}/unit is {3}")
        @CsvSource({
                "DOWN, 10.50, 1, 10",
                "NEAREST, 10.50, 1, 11",
                "NEAREST, 10.49, 1, 10",
                "UP, 10.01, 1, 11",
                "UP, 10.00, 1, 10",
                "DOWN, 1999, 0.01, 19",
                "NEAREST, 1999, 0.01, 20",
        })
        void isTheProgramsModeAppliedToTheTransaction(PointsRounding rounding, String total, String rate, long points) {
            assertEquals(points, earn(rules(rate, rounding, "0", List.of(), null), purchase("t", "EUR", total)).points());
        }

        @Test
        void happensOncePerTransactionNotPerLine() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "2.97",
                    line("a", "x", "1", "0.99"), line("b", "x", "1", "0.99"), line("c", "x", "1", "0.99")));

            assertEquals(2, outcome.points(), "0.99 × 3 rounded once, not 0 + 0 + 0");
        }

        @Test
        void staysExactWhenTheTotalSplitsIntoThirds() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(category("wine", "2")), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "10.00",
                    line("a", "wine", "1", "4.00"), line("b", "food", "1", "4.00"), line("c", "food", "1", "4.00")));

            assertEquals(13, outcome.points(), "10 base + 10/3 wine extra = 13.33");
            assertEquals(List.of(new Contribution("base", 10), new Contribution("category:wine", 3)),
                    outcome.breakdown());
        }
    }

    @Nested
    class MinimumSpend {

        private final ProgramRules program = rules("1", PointsRounding.DOWN, "20.00", List.of(category("gift-cards", "0")), null);

        @Test
        void belowItNothingIsEarned() {
            EarningOutcome outcome = earn(program, purchase("t", "EUR", "19.99"));

            assertEquals(0, outcome.points());
            assertEquals(List.of(), outcome.breakdown());
            assertEquals(new BigDecimal("19.99"), outcome.eligibleAmount());
        }

        @Test
        void atItTheWholeAmountEarns() {
            assertEquals(20, earn(program, purchase("t", "EUR", "20.00")).points());
        }

        @Test
        void countsOnlyWhatCanEarn() {
            EarningOutcome outcome = earn(program, purchase("t", "EUR", "30.00",
                    line("g", "gift-cards", "1", "15.00"), line("f", "food", "1", "15.00")));

            assertEquals(0, outcome.points());
            assertEquals(new BigDecimal("15.00"), outcome.eligibleAmount());
        }
    }

    @Nested
    class LineMultipliers {

        @Test
        void excludedCategoriesEarnNothing() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(category("gift-cards", "0")), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "75.00",
                    line("g", "gift-cards", "1", "50.00"), line("f", "food", "1", "25.00")));

            assertEquals(25, outcome.points());
            assertEquals(List.of(new Contribution("base", 25)), outcome.breakdown());
        }

        @Test
        void linesPaidWithARewardEarnNothing() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "30.00",
                    new TransactionLine("c", "coffee", BigDecimal.ONE, new BigDecimal("4.00"), true),
                    line("f", "food", "1", "26.00")));

            assertEquals(26, outcome.points());
        }

        @Test
        void categoryMultipliersAddTheirOwnLineToTheBreakdown() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(category("wine", "3")), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "40.00",
                    line("w", "wine", "1", "10.00"), line("f", "food", "3", "10.00")));

            assertEquals(60, outcome.points());
            assertEquals(List.of(new Contribution("base", 40), new Contribution("category:wine", 20)),
                    outcome.breakdown());
        }

        @Test
        void multipliersStackAdditivelyAndFollowTheBasketDiscount() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0",
                    List.of(category("wine", "2"), LineMultiplier.sku("W-1", new BigDecimal("3"))), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "9.00",
                    line("W-1", "wine", "1", "5.00"), line("F-1", "food", "1", "5.00")));

            assertEquals(List.of(new Contribution("base", 9), new Contribution("category:wine", 4),
                    new Contribution("sku:W-1", 9)), outcome.breakdown());
            assertEquals(22, outcome.points(), "9 + 4.5 + 9 = 22.5, rounded down");
        }

        @Test
        void aFactorBelowOneReducesThePointsOfItsLines() {
            ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(category("sale", "0.5")), null);

            EarningOutcome outcome = earn(program, purchase("t", "EUR", "20.00",
                    line("s", "sale", "1", "10.00"), line("f", "food", "1", "10.00")));

            assertEquals(15, outcome.points());
            assertEquals(List.of(new Contribution("base", 20), new Contribution("category:sale", -5)),
                    outcome.breakdown());
        }
    }

    @Test
    void theCapLimitsAndExplainsItself() {
        ProgramRules program = rules("1", PointsRounding.DOWN, "0", List.of(), 500L);

        EarningOutcome outcome = earn(program, purchase("t", "JPY", "1200"));

        assertEquals(500, outcome.points());
        assertEquals(List.of(new Contribution("base", 1200), new Contribution("cap", -700)), outcome.breakdown());
    }

    @Test
    void theBreakdownAlwaysAddsUpToThePoints() {
        ProgramRules program = rules("0.7", PointsRounding.UP, "0",
                List.of(category("a", "1.3"), category("b", "2.9"), category("c", "0.4")), null);

        EarningOutcome outcome = earn(program, purchase("t", "KWD", "17.777",
                line("1", "a", "3", "1.111"), line("2", "b", "1", "7.019"), line("3", "c", "2", "3.333")));

        assertEquals(outcome.points(), outcome.breakdown().stream().mapToLong(Contribution::points).sum());
    }
}

package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.program.LineMultiplier;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.RoundingScope;
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
                null, null, null, null, 0, null, null, roundingPer);
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
}

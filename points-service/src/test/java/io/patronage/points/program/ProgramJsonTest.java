package io.patronage.points.program;

import io.patronage.kit.http.ProblemException;
import io.patronage.kit.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A program's JSON errors name the field and what is wrong, in the caller's terms: never a Java class. */
class ProgramJsonTest {

    private static String refusal(String json) {
        return assertThrows(ProblemException.class, () -> ProgramJson.parse(json)).getMessage();
    }

    @Test
    void anUnknownRoundingNamesTheFieldAndTheAllowedValues() {
        String detail = refusal("{\"version\":\"v9\",\"rounding\":\"SIDEWAYS\"}");

        assertEquals("invalid program: rounding: invalid value SIDEWAYS (one of DOWN, NEAREST, UP)", detail);
    }

    @Test
    void aValueOfTheWrongKindSaysWhereWithoutJavaTypes() {
        String detail = refusal("{\"version\":\"v9\",\"pointsPerUnit\":\"abc\"}");

        assertEquals("invalid program: pointsPerUnit: invalid value abc", detail);
        assertFalse(detail.contains("java") || detail.contains("io.patronage"), detail);
    }

    @Test
    void anExpiryBeyondACenturyIsRefused() {
        // Such lots expired after what a stored date holds, and every purchase of the chain failed.
        assertEquals("invalid program: expiry.periods must be at most 1200",
                refusal(program("\"periodEnd\":\"QUARTER\",\"periods\":2147483647")));
        assertEquals("invalid program: expiry.afterDays must be at most 36600",
                refusal(program("\"afterDays\":36601")));
        assertEquals("invalid program: expiry.notifyDaysBefore must be at most 36600",
                refusal(program("\"afterDays\":10,\"notifyDaysBefore\":2147483647")));
        assertEquals(ExpiryRule.MAX_PERIODS,
                ProgramJson.parse(program("\"periodEnd\":\"YEAR\",\"periods\":1200")).expiry().periods());
    }

    @Test
    void aStoredProgramBeyondTheBoundStillLoads() throws Exception {
        // Versions stored before the bound existed: the service must still start with them.
        ProgramRules stored = Json.mapper().readValue(program("\"afterDays\":2147483647"), ProgramRules.class);

        assertEquals(2147483647, stored.expiry().afterDays());
    }

    private static String program(String expiry) {
        return "{\"version\":\"v9\",\"pointsPerUnit\":1,\"expiry\":{" + expiry + "}}";
    }

    @Test
    void aBodyThatIsNotJsonSaysWhere() {
        assertEquals("invalid program: not valid JSON at line 1, column 13", refusal("{\"version\": }"));
    }

    @Test
    void roundingPerRuleIsReadAndAnUnknownScopeNamesTheField() {
        assertEquals(RoundingScope.RULE, ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1,\"roundingPer\":\"RULE\"}").roundingPer());
        assertEquals(RoundingScope.TRANSACTION, ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1}").roundingPer());
        assertEquals("invalid program: roundingPer: invalid value LINE (one of TRANSACTION, RULE)",
                refusal("{\"version\":\"v9\",\"roundingPer\":\"LINE\"}"));
    }

    @Test
    void stackingAndPrioritiesAreReadAndAnUnknownModeNamesTheField() {
        ProgramRules rules = ProgramJson.parse("""
                {"version":"v9","pointsPerUnit":1,"stacking":"PRIORITY",
                 "multipliers":[{"scope":"SKU","value":"W-1","factor":3,"priority":7}],
                 "campaigns":[{"name":"c","multiplier":2,"priority":4}],
                 "tiers":{"priority":2,"windowDays":365,"levels":[]}}""");

        assertEquals(Stacking.PRIORITY, rules.stacking());
        assertEquals(7, rules.multipliers().get(0).priority());
        assertEquals(4, rules.campaigns().get(0).priority());
        assertEquals(2, rules.tiers().priority());
        assertEquals(Stacking.ADDITIVE, ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1}").stacking());
        assertEquals("invalid program: stacking: invalid value STACKED (one of ADDITIVE, MULTIPLICATIVE, PRIORITY)",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"stacking\":\"STACKED\"}"));
        assertEquals("invalid program: multipliers[0].priority: invalid value high",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"multipliers\":[{\"scope\":\"SKU\",\"value\":\"W-1\",\"factor\":3,\"priority\":\"high\"}]}"));
    }

    @Test
    void anIncludeOnlyListWithAnEmptyEntryNamesTheField() {
        assertEquals("invalid program: includeOnly.skus must not contain empty entries",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"includeOnly\":{\"skus\":[\"\"]}}"));
        assertEquals("invalid program: includeOnly.categories: has the wrong type or shape",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"includeOnly\":{\"categories\":{}}}"));
    }

    @Test
    void aNegativeOncePerTransactionBonusNamesTheField() {
        assertEquals("invalid program: bonuses.skusOnce: a bonus is between 0 and 1000000000000 points",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"bonuses\":{\"skusOnce\":{\"B-1\":-5}}}"));
    }

    @Test
    void dayAndPeriodCapsAreReadAndABadOneNamesTheField() {
        ProgramRules rules = ProgramJson.parse("""
                {"version":"v9","pointsPerUnit":1,"maxPointsPerDay":500,
                 "maxPointsPerPeriod":{"points":20000,"period":"QUARTER"}}""");
        assertEquals(500, rules.maxPointsPerDay());
        assertEquals(new PeriodCap(20000L, ExpiryRule.Period.QUARTER), rules.maxPointsPerPeriod());
        assertEquals("invalid program: maxPointsPerDay must not be negative: -1",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"maxPointsPerDay\":-1}"));
        assertEquals("invalid program: maxPointsPerPeriod.period is required (one of MONTH, QUARTER, YEAR)",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"maxPointsPerPeriod\":{\"points\":5}}"));
        assertEquals("invalid program: maxPointsPerPeriod.points must be 0 or more: null",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"maxPointsPerPeriod\":{\"period\":\"MONTH\"}}"));
        assertEquals("invalid program: maxPointsPerPeriod.period: invalid value WEEK (one of MONTH, QUARTER, YEAR)",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"maxPointsPerPeriod\":{\"points\":5,\"period\":\"WEEK\"}}"));
    }

    @Test
    void overBalanceRedemptionIsReadAndAnUnknownModeNamesTheField() {
        assertEquals(OverBalance.CLAMP, ProgramJson.parse(
                "{\"version\":\"v9\",\"pointsPerUnit\":1,\"overBalanceRedemption\":\"CLAMP\"}").overBalanceRedemption());
        assertEquals(OverBalance.REJECT, ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1}").overBalanceRedemption());
        assertEquals("invalid program: overBalanceRedemption: invalid value PARTIAL (one of REJECT, CLAMP)",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"overBalanceRedemption\":\"PARTIAL\"}"));
    }

    @Test
    void pointsDecimalsAreBetweenZeroAndTwo() {
        assertEquals(2, ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1,\"pointsDecimals\":2}").pointsDecimals());
        assertEquals("invalid program: pointsDecimals must be between 0 and 2: 3",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"pointsDecimals\":3}"));
        assertEquals("invalid program: pointsDecimals: invalid value two",
                refusal("{\"version\":\"v9\",\"pointsPerUnit\":1,\"pointsDecimals\":\"two\"}"));
    }
}

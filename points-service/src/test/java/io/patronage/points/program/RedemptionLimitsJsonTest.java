package io.patronage.points.program;

import io.patronage.kit.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The program's {@code redemption} section: what a till may pay with points in one purchase. */
class RedemptionLimitsJsonTest {

    private static String refusal(String redemption) {
        return assertThrows(ProblemException.class, () -> ProgramJson.parse(
                "{\"version\":\"v9\",\"pointsPerUnit\":1,\"redemption\":" + redemption + "}")).getMessage();
    }

    @Test
    void theLimitsAreReadAndAProgramWithoutThemSetsNone() {
        ProgramRules rules = ProgramJson.parse("""
                {"version":"v9","pointsPerUnit":1,"redemption":{"minimumPoints":100,"maximumShareOfOrder":0.5}}""");

        assertEquals(100, rules.redemption().minimumPointsOrDefault());
        assertEquals(new BigDecimal("0.5"), rules.redemption().maximumShareOrDefault());
        RedemptionLimits none = ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1}").redemption();
        assertEquals(RedemptionLimits.NONE, none);
        assertEquals(1, none.minimumPointsOrDefault());
        assertEquals(BigDecimal.ONE, none.maximumShareOrDefault());
    }

    @Test
    void aBadLimitNamesTheField() {
        assertEquals("invalid program: redemption.minimumPoints must be at least 1: 0",
                refusal("{\"minimumPoints\":0}"));
        assertEquals("invalid program: redemption.maximumShareOfOrder must be above 0 and at most 1 (0.5 is half of"
                + " the order): 50", refusal("{\"maximumShareOfOrder\":50}"));
        assertEquals("invalid program: redemption.maximumShareOfOrder must be above 0 and at most 1 (0.5 is half of"
                + " the order): 0", refusal("{\"maximumShareOfOrder\":0}"));
        assertEquals("invalid program: redemption.maximumShareOfOrder must have at most 12 decimals",
                refusal("{\"maximumShareOfOrder\":0.1234567890123}"));
        assertEquals("invalid program: redemption.minimumPoints: invalid value many",
                refusal("{\"minimumPoints\":\"many\"}"));
    }
}

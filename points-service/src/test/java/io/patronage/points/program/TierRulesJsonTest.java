package io.patronage.points.program;

import io.patronage.kit.http.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The tiers of a program's JSON: every basis and downgrade mode, and refusals that name the field. */
class TierRulesJsonTest {

    private static TierRules tiers(String json) {
        return ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1,\"tiers\":" + json + "}").tiers();
    }

    private static String refusal(String json) {
        return assertThrows(ProblemException.class,
                () -> ProgramJson.parse("{\"version\":\"v9\",\"pointsPerUnit\":1,\"tiers\":" + json + "}")).getMessage();
    }

    @Test
    void theBalanceBasesAndTheDowngradeOnDropAreRead() {
        TierRules balance = tiers("{\"basis\":\"BALANCE\",\"downgrade\":\"ON_DROP\",\"levels\":[{\"name\":\"S\",\"threshold\":100}]}");
        assertEquals(TierRules.Basis.BALANCE, balance.basis());
        assertEquals(TierRules.Downgrade.ON_DROP, balance.downgrade());
        assertEquals(TierRules.Basis.AVAILABLE, tiers("{\"basis\":\"AVAILABLE\",\"levels\":[]}").basis());
        assertEquals(TierRules.Downgrade.IMMEDIATE, tiers("{\"basis\":\"AVAILABLE\",\"levels\":[]}").downgrade(),
                "the default mode");
    }

    @Test
    void anUnknownBasisOrModeNamesTheFieldAndTheAllowedValues() {
        assertEquals("invalid program: tiers.basis: invalid value WEALTH (one of POINTS, SPEND, VISITS, BALANCE, "
                + "AVAILABLE)", refusal("{\"basis\":\"WEALTH\"}"));
        assertEquals("invalid program: tiers.downgrade: invalid value LATER (one of NEVER, IMMEDIATE, AFTER_GRACE, "
                + "ON_DROP)", refusal("{\"downgrade\":\"LATER\"}"));
    }

    @Test
    void graceNeedsABasisOverTheWindow() {
        assertEquals("invalid program: tiers.downgrade: AFTER_GRACE needs a basis counted over the window (POINTS, "
                + "SPEND or VISITS), not BALANCE",
                refusal("{\"basis\":\"BALANCE\",\"downgrade\":\"AFTER_GRACE\",\"graceDays\":10}"));
    }
}

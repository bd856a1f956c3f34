package io.patronage.points.program;

import io.patronage.kit.http.ProblemException;
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
}

package io.patronage.rewards.automatic;

import io.patronage.kit.http.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpendMilestoneRulesTest {

    @Test
    void aValidMilestoneHasNoProblem() {
        assertEquals(List.of(), fields("every-500", "free-coffee", "500.00", "EUR"));
        assertEquals(List.of(), fields("every-5000", "free-coffee", "5000", "JPY"));
    }

    @Test
    void eachProblemNamesItsField() {
        assertEquals(List.of("milestoneId", "rewardId", "every"), fields("with space", null, null, "EUR"));
        assertEquals(List.of("rewardId"), fields("m", "yacht", "500", "EUR"));
        assertEquals(List.of("every"), fields("m", "free-coffee", "0", "EUR"));
        assertEquals(List.of("every"), fields("m", "free-coffee", "-10", "EUR"));
        assertEquals(List.of("every"), fields("m", "free-coffee", "10.005", "EUR"));
        assertEquals(List.of("every"), fields("m", "free-coffee", "500.5", "JPY"));
        assertEquals(List.of("every"), fields("m", "free-coffee", "10000000.01", "EUR"));
    }

    private static List<String> fields(String id, String rewardId, String every, String currency) {
        return SpendMilestoneRules.problems(id, new SpendMilestoneDefinition(rewardId,
                        every == null ? null : new BigDecimal(every)), Set.of("free-coffee")::contains,
                Currency.getInstance(currency)).stream().map(FieldError::field).toList();
    }
}

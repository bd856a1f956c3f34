package io.patronage.rewards.automatic;

import io.patronage.kit.http.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PunchCardRulesTest {

    private static final Set<String> OFFERED = Set.of("free-coffee");

    @Test
    void aValidPunchCardHasNoProblem() {
        assertEquals(List.of(), fields("tenth-coffee", new PunchCardDefinition("free-coffee", 10, null, "coffee")));
        assertEquals(List.of(), fields("any-visit", new PunchCardDefinition("free-coffee", 2, null, null)));
    }

    @Test
    void eachProblemNamesItsField() {
        assertEquals(List.of("punchCardId", "rewardId", "visits"),
                fields("no spaces", new PunchCardDefinition(null, null, null, null)));
        assertEquals(List.of("rewardId", "visits"), fields("pc", new PunchCardDefinition("yacht", 1, null, null)));
        assertEquals(List.of("visits"), fields("pc", new PunchCardDefinition("free-coffee", 1001, null, null)));
        assertEquals(List.of("sku", "category", "category"), fields("pc", new PunchCardDefinition("free-coffee", 10, " ",
                "c".repeat(65))));
        assertEquals(List.of("category"), fields("pc", new PunchCardDefinition("free-coffee", 10, "ESP-1", "coffee")));
    }

    private static List<String> fields(String id, PunchCardDefinition definition) {
        return PunchCardRules.problems(id, definition, OFFERED::contains).stream().map(FieldError::field).toList();
    }
}

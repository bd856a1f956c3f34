package io.patronage.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicTest {

    @Test
    void refusesNamesOutsideTheConvention() {
        assertThrows(IllegalArgumentException.class,
                () -> new Topic("Loyalty_Points", "k", "w", 1, null, false, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Topic("loyalty.points", "k", "w", 1, null, false, List.of()));
    }

    @Test
    void namesItsDeadLetterTopic() {
        assertEquals("loyalty.points.v1.dlq", Topics.POINTS.deadLetterTopic());
    }

    @Test
    void registryNamesAreUnique() {
        assertEquals(Topics.ALL.size(), Topics.ALL.stream().map(Topic::name).distinct().count());
    }
}

package io.patronage.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicTest {

    @Test
    void refusesNamesOutsideTheConvention() {
        assertThrows(IllegalArgumentException.class,
                () -> Topic.cloudEvents("Loyalty_Points", "k", List.of("w"), 1, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> Topic.cloudEvents("loyalty.points", "k", List.of("w"), 1, null, false));
    }

    @Test
    void namesItsDeadLetterTopic() {
        assertEquals("loyalty.points.v1.dlq", Topics.POINTS.deadLetterTopic());
    }

    @Test
    void registryNamesAreUnique() {
        assertEquals(Topics.ALL.size(), Topics.ALL.stream().map(Topic::name).distinct().count());
    }

    @Test
    void namesTheTopicsEachServicePublishesReservedOnesExcepted() {
        assertEquals(List.of(Topics.POINTS, Topics.NOTIFICATIONS), Topics.publishedBy("points-service"));
        assertEquals(List.of(Topics.RETENTION, Topics.CHURN, Topics.PARTICIPATION, Topics.POINTS_VIEW), Topics.publishedBy("analytics-service"));
        assertEquals(List.of(), Topics.publishedBy("the chains' POS systems").stream()
                .filter(topic -> topic.envelope() == Topic.Envelope.CLOUD_EVENT).toList());
    }
}

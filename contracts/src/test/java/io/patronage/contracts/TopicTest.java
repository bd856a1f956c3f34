package io.patronage.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of(Topics.POINTS, Topics.NOTIFICATIONS, Topics.AUDIT), Topics.publishedBy("points-service"));
        assertEquals(List.of(Topics.RETENTION, Topics.CHURN, Topics.PARTICIPATION, Topics.POINTS_VIEW,
                Topics.SATISFACTION, Topics.DORMANT, Topics.CUSTOMERS, Topics.BASKETS, Topics.COUPONS, Topics.AUDIT),
                Topics.publishedBy("analytics-service"));
        assertEquals(List.of(), Topics.publishedBy("the chains' POS systems").stream()
                .filter(topic -> topic.envelope() == Topic.Envelope.CLOUD_EVENT).toList());
    }

    @Test
    void namesTheTopicsEachServiceReads() {
        assertEquals(List.of(Topics.TRANSACTIONS, Topics.ENGAGEMENT, Topics.MEMBERS, Topics.CHAINS,
                Topics.POINTS_REQUESTS), Topics.consumedBy("points-service"));
        assertEquals(List.of(Topics.CHAINS, Topics.NOTIFICATIONS), Topics.consumedBy("enrollment-service"));
        assertTrue(Topics.consumedBy("analytics-service").contains(Topics.ENGAGEMENT), "surveys: satisfaction");
        for (String service : Topics.SERVICES) {
            assertTrue(Topics.consumedBy(service).contains(Topics.CHAINS), service + " reads the chains");
        }
    }

    @Test
    void aServiceReadingATopicTheRegistryDoesNotGrantItIsRefused() {
        Topics.requireReader("rewards-service", "loyalty.points.v1");
        Topics.requireReader("rewards-service", "loyalty.analytics.dormant.v1"); // win-back offers
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Topics.requireReader("rewards-service", "retail.engagement.v1"));
        assertTrue(refused.getMessage().contains("rewards-service reads retail.engagement.v1"), refused.getMessage());
        // outside the registry, or not a Patronage service: not the registry's business
        Topics.requireReader("rewards-service", "some.test-topic.v1");
        Topics.requireReader("a-test-application", "retail.transactions.v1");
    }
}

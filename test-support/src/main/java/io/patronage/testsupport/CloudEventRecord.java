package io.patronage.testsupport;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration event as its producing service sends it: CloudEvents Kafka binary mode ({@code ce_*} headers,
 * JSON body) on the registry's topic, keyed by the event's key. The defaults (a fresh {@code ce_id}, a test
 * source, the current time) can be replaced one by one.
 *
 * @param partition {@code null} for the producer's choice by key
 */
public record CloudEventRecord(IntegrationEvent event, String id, String source, Instant time, String key,
                               Integer partition) {

    public static final String TEST_SOURCE = "/patronage/tests";

    public static CloudEventRecord of(IntegrationEvent event) {
        return new CloudEventRecord(event, UUID.randomUUID().toString(), TEST_SOURCE, Instant.now(), event.key(), null);
    }

    public CloudEventRecord withId(String newId) {
        return new CloudEventRecord(event, newId, source, time, key, partition);
    }

    public CloudEventRecord withSource(String newSource) {
        return new CloudEventRecord(event, id, newSource, time, key, partition);
    }

    public CloudEventRecord withTime(Instant newTime) {
        return new CloudEventRecord(event, id, source, newTime, key, partition);
    }

    /** Keyed otherwise than by the event's key, e.g. to order it among another entity's records. */
    public CloudEventRecord withKey(String newKey) {
        return new CloudEventRecord(event, id, source, time, newKey, partition);
    }

    public CloudEventRecord onPartition(int newPartition) {
        return new CloudEventRecord(event, id, source, time, key, newPartition);
    }

    public String topic() {
        return Topics.topicOf(event.getClass()).name();
    }

    public String type() {
        return IntegrationEvent.typeOf(event.getClass());
    }
}

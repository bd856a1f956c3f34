package io.patronage.points.publishing;

import io.patronage.kit.kafka.EventPublisher;

/** The service's publisher on a test Kafka producer, for tests outside this package. */
public final class PointsEventPublishers {

    private PointsEventPublishers() {
    }

    public static PointsEventPublisher on(EventPublisher kafka) {
        return new PointsEventPublisher(kafka);
    }
}

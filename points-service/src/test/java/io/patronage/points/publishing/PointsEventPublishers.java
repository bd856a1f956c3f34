package io.patronage.points.publishing;

import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.IntegrationEventPublisher;
import io.patronage.points.program.ProgramRules;

/** The service's publisher on a test Kafka producer, for tests outside this package. */
public final class PointsEventPublishers {

    private PointsEventPublishers() {
    }

    public static IntegrationEventPublisher on(EventPublisher kafka) {
        return new IntegrationEventPublisher(kafka, new PointsEventPublisher(kafka, (chainId, at) -> ProgramRules.DEFAULT));
    }
}

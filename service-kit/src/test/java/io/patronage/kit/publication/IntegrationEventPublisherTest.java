package io.patronage.kit.publication;

import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.IntegrationEventMapper.Publication;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrationEventPublisherTest {

    private static final Instant HAPPENED = Instant.parse("2026-03-01T09:15:00Z");
    private static final Instant STORED = Instant.parse("2026-03-01T09:15:01Z");

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final IntegrationEventPublisher publisher = new IntegrationEventPublisher(
            new EventPublisher(producer, "kit-test"), (event, eventId, storedAt) -> event.equals("left")
            ? List.of(new Publication(new MemberOptedOut("m-1", "chain-1", HAPPENED), HAPPENED),
                    new Publication(new NotificationRequested("goodbye:" + eventId, "m-1", "chain-1", "GOODBYE", false,
                            Map.of(), HAPPENED), storedAt))
            : List.of());

    @Test
    void publishesWhatTheMapperSaysOnceTheCommandCommitsTheFactUnderTheDomainEventIdANotificationUnderItsOwn() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        publisher.on("left", "event-1", STORED);
        publisher.on("something else", "event-2", STORED);
        assertTrue(producer.history().isEmpty(), "nothing is published while the command's unit of work is open");
        command.commit();

        assertEquals(List.of("event-1", "goodbye:event-1"), producer.history().stream()
                .map(record -> CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID)).toList());
        assertEquals(List.of(HAPPENED.toString(), STORED.toString()), producer.history().stream()
                .map(record -> CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME)).toList());
    }

    @Test
    void publishesNothingWhenTheCommandRollsBack() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        publisher.on("left", "event-1", STORED);
        command.rollback();
        assertTrue(producer.history().isEmpty());
    }
}

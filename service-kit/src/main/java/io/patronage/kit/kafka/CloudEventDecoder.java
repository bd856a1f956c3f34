package io.patronage.kit.kafka;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.kit.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Decodes binary-mode CloudEvents whose {@code ce_type} is in the contracts' registry. */
public final class CloudEventDecoder implements MessageDecoder {

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new PoisonMessageException("not a CloudEvent: the ce_id and ce_type headers are required");
        }
        Optional<Class<? extends IntegrationEvent>> eventClass = Topics.eventClass(type);
        if (eventClass.isEmpty()) {
            return null;
        }
        RecordSize.check(record);
        try {
            Object payload = Json.strictReader().readValue(record.value(), eventClass.get());
            if (payload == null) {
                // Jackson reads the JSON literal null as no object at all; listeners would skip it or fail on it.
                throw new PoisonMessageException("malformed " + type + " body: JSON null, not an object");
            }
            return new InboundMessage(id, time(record), payload, record);
        } catch (IOException e) {
            throw new PoisonMessageException("malformed " + type + " body: " + JsonErrors.describe(e), e);
        }
    }

    private static Instant time(ConsumerRecord<String, byte[]> record) {
        String time = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
        try {
            return time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp: " + time, e);
        }
    }
}

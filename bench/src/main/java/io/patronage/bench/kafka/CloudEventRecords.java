package io.patronage.bench.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An integration event as the services publish it: a CloudEvent in Kafka binary mode on its registry topic. */
final class CloudEventRecords {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CloudEventRecords() {
    }

    static ProducerRecord<String, byte[]> of(IntegrationEvent event, String id, String source, Instant time) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.topicOf(event.getClass()).name(), event.key(), json(event));
        Headers headers = record.headers();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", id);
        header(headers, "ce_type", IntegrationEvent.typeOf(event.getClass()));
        header(headers, "ce_source", source);
        header(headers, "ce_time", time.toString());
        header(headers, "ce_subject", event.key());
        header(headers, "content-type", "application/json");
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(IntegrationEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

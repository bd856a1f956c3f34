package io.patronage.bench.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.workload.Chain;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes the workload's chains as enrollment-service does (the bench runs without it): points-service and
 * analytics-service dead-letter till records of a chain they do not know, or in another currency than its own.
 */
public final class ChainRecords {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ChainRecords() {
    }

    /** Waits until every chain is on the topic: without them, the services dead-letter every till record. */
    public static void publish(Producer<String, byte[]> producer, List<Chain> chains) {
        Instant now = Instant.now();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Chain chain : chains) {
            ChainConfigured event = new ChainConfigured(chain.chainId(), chain.currency(), chain.timeZone(),
                    chain.locale(), null, now);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHAINS.name(), event.key(), json(event));
            Headers headers = record.headers();
            header(headers, "ce_specversion", "1.0");
            header(headers, "ce_id", "chain:" + chain.chainId() + "@bench");
            header(headers, "ce_type", IntegrationEvent.typeOf(ChainConfigured.class));
            header(headers, "ce_source", "/patronage/bench");
            header(headers, "ce_time", now.toString());
            header(headers, "ce_subject", event.chainId());
            header(headers, "content-type", "application/json");
            sent.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sent) {
            try {
                send.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new BenchFailure("could not publish the chains on " + Topics.CHAINS.name() + ": " + e, e);
            }
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(ChainConfigured event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

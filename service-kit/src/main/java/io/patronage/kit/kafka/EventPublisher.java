package io.patronage.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.kit.json.Json;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes integration events as CloudEvents (binary mode) to the topic the registry gives for
 * their type, keyed by {@link IntegrationEvent#key()}.
 */
@Singleton
public class EventPublisher {

    private final Producer<String, byte[]> producer;
    private final String source;
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final String AFTER_COMMIT = EventPublisher.class.getName() + ".afterCommit";

    private static final int MAX_KEPT_FAILURES = 100_000;
    private static final ThreadLocal<List<ProducerRecord<String, byte[]>>> CAPTURE = new ThreadLocal<>();

    private final List<ProducerRecord<String, byte[]>> failed = new ArrayList<>();
    private boolean overflowed;

    public EventPublisher(Producer<String, byte[]> producer, @Value("${micronaut.application.name}") String application) {
        this.producer = producer;
        this.source = "/patronage/" + application;
    }

    public CompletableFuture<RecordMetadata> publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString(), Instant.now());
    }

    /**
     * @param eventId stable id of the fact, so a republished event is recognised by consumers
     *                ({@code ce_id}); use the domain event's id where there is one
     */
    public CompletableFuture<RecordMetadata> publish(IntegrationEvent event, String eventId, Instant time) {
        ProducerRecord<String, byte[]> record = record(event, eventId, time);
        List<ProducerRecord<String, byte[]>> capture = CAPTURE.get();
        if (capture != null) {
            capture.add(record);
            return CompletableFuture.completedFuture(null);
        }
        return send(record);
    }

    /**
     * Publishes without keeping a failure to be sent again: for a caller that keeps what is not published yet
     * itself (the audit trail's outbox) and says so through the returned future.
     */
    public CompletableFuture<RecordMetadata> publishUntracked(IntegrationEvent event, String eventId, Instant time) {
        CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
        try {
            producer.send(record(event, eventId, time), (metadata, error) -> {
                if (error == null) {
                    sent.complete(metadata);
                } else {
                    sent.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    private ProducerRecord<String, byte[]> record(IntegrationEvent event, String eventId, Instant time) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.topicOf(event.getClass()).name(), event.key(), toJson(event));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, eventId);
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, IntegrationEvent.typeOf(event.getClass()));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SOURCE, source);
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TIME, time.toString());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SUBJECT, event.key());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    /** Sends a record; one that fails is kept to be sent again by {@link #takeFailed}'s caller. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                sent.complete(metadata);
            } else {
                keepFailed(record);
                LOG.warn("{} {} not published ({}); it will be published again",
                        CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE),
                        CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID), error.toString());
                sent.completeExceptionally(error);
            }
        });
        return sent;
    }

    /**
     * Runs {@code replay} on this thread with what it publishes collected instead of sent (publications after a
     * unit of work's commit included, as long as the unit of work runs on this thread).
     */
    public List<ProducerRecord<String, byte[]>> capture(Runnable replay) {
        List<ProducerRecord<String, byte[]>> captured = new ArrayList<>();
        CAPTURE.set(captured);
        try {
            replay.run();
        } finally {
            CAPTURE.remove();
        }
        return captured;
    }

    /**
     * The publications that failed since the last call, to be sent again. Beyond {@value #MAX_KEPT_FAILURES} of
     * them only the fact is kept ({@link Failed#overflowed}): then the event store says what to publish again.
     */
    public synchronized Failed takeFailed() {
        Failed taken = new Failed(List.copyOf(failed), overflowed);
        failed.clear();
        overflowed = false;
        return taken;
    }

    /** Whether some publication failed and was not taken to be sent again yet. */
    public synchronized boolean hasFailed() {
        return overflowed || !failed.isEmpty();
    }

    private synchronized void keepFailed(ProducerRecord<String, byte[]> record) {
        if (failed.size() < MAX_KEPT_FAILURES) {
            failed.add(record);
        } else {
            overflowed = true;
        }
    }

    /** Publications that failed: the records, or only the fact when there were too many to keep. */
    public record Failed(List<ProducerRecord<String, byte[]>> records, boolean overflowed) {
    }

    /**
     * Publishes once the current root unit of work has committed, in the order of the calls, so nothing is
     * announced that a rollback takes back and a member's events reach Kafka in the order they happened
     * (Axon runs after-commit handlers of one unit of work in reverse order, hence the queue). Outside a
     * unit of work it publishes at once.
     */
    public void publishAfterCommit(IntegrationEvent event, String eventId, Instant time) {
        if (!CurrentUnitOfWork.isStarted()) {
            publish(event, eventId, time);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(AFTER_COMMIT, key -> {
            List<Runnable> queue = new ArrayList<>();
            root.afterCommit(unitOfWork -> queue.forEach(Runnable::run));
            return queue;
        }).add(() -> publish(event, eventId, time));
    }

    /** Blocks until everything published so far is acknowledged by the brokers, or has failed. */
    public void flush() {
        producer.flush();
    }

    private static byte[] toJson(IntegrationEvent event) {
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }
}

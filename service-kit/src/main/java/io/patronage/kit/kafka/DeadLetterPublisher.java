package io.patronage.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlq}: same key, value and headers, plus
 * {@code dlq.*} headers that say why and where it came from, so it can be inspected and replayed.
 * <p>
 * A record too large to forward whole (a value over {@link RecordSize#MAX_BYTES}, a huge key or huge headers)
 * is forwarded cut down, so that the dead letter always fits the producer's request limit: the first
 * {@value #TRUNCATED_VALUE_BYTES} bytes of its value, with {@value #TRUNCATED}{@code =true} and
 * {@value #ORIGINAL_SIZE}; the whole record stays on the source topic at the original partition and offset.
 */
@Singleton
public class DeadLetterPublisher {

    public static final String REASON = "dlq.reason";
    /** Explanation for readers when the reason is a fixed code (e.g. {@link ConflictingResendException#REASON}). */
    public static final String DETAIL = "dlq.detail";
    public static final String EXCEPTION = "dlq.exception";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    public static final String CONSUMER_GROUP = "dlq.consumer.group";
    public static final String FAILED_AT = "dlq.failed.at";
    /** {@code true} when the value, key or headers were cut down to fit. */
    public static final String TRUNCATED = "dlq.truncated";
    /** Length in bytes of the original value, when the record was cut down. */
    public static final String ORIGINAL_SIZE = "dlq.original.size";
    /** How many original headers were left out because together they were too large. */
    public static final String DROPPED_HEADERS = "dlq.dropped.headers";

    public static final String CONFLICTING_RESENDS = "patronage.consumer.messages.conflicting.resends";

    static final int TRUNCATED_VALUE_BYTES = 64 * 1024;
    static final int MAX_KEY_CHARS = 1024;
    static final int MAX_ORIGINAL_HEADER_BYTES = 64 * 1024;
    static final int MAX_TEXT_CHARS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Producer<String, byte[]> producer;
    private final MeterRegistry meters;

    public DeadLetterPublisher(Producer<String, byte[]> producer, MeterRegistry meters) {
        this.producer = producer;
        this.meters = meters;
    }

    /**
     * @return completes when the broker has the dead letter, or fails: until then the record's offset must
     *         not be committed
     */
    public CompletableFuture<RecordMetadata> send(ConsumerRecord<String, byte[]> record, String consumerGroup,
                                                  Throwable failure) {
        ConflictingResendException conflict = conflictIn(failure);
        String reason = conflict != null ? ConflictingResendException.REASON : bounded(messageOf(failure));
        ProducerRecord<String, byte[]> deadLetter = deadLetterOf(record, consumerGroup, failure, Instant.now());
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
        try {
            producer.send(deadLetter, (metadata, error) -> {
                if (error != null) {
                    LOG.warn("{}: {} could not be dead-lettered ({}); its offset stays uncommitted and the batch is "
                            + "retried", consumerGroup, position, error.toString());
                    sent.completeExceptionally(error);
                    return;
                }
                LOG.warn("{}: {} dead-lettered: {}", consumerGroup, position,
                        conflict != null ? conflict.getMessage() : reason);
                if (conflict != null) {
                    conflictingResends(consumerGroup).increment();
                }
                sent.complete(metadata);
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    /**
     * The dead letter of a record, as {@link #send} sends it: the record (cut down when too large) with the
     * {@code dlq.*} headers. For senders of their own, such as a Kafka Streams topology that writes its dead letters
     * in its own transaction.
     */
    public static ProducerRecord<String, byte[]> deadLetterOf(ConsumerRecord<String, byte[]> record,
                                                              String consumerGroup, Throwable failure, Instant at) {
        ConflictingResendException conflict = conflictIn(failure);
        ProducerRecord<String, byte[]> deadLetter = deadLetter(record);
        Headers headers = deadLetter.headers();
        CloudEventHeaders.put(headers, REASON, conflict != null ? ConflictingResendException.REASON
                : bounded(messageOf(failure)));
        if (conflict != null) {
            CloudEventHeaders.put(headers, DETAIL, bounded(conflict.getMessage()));
        }
        CloudEventHeaders.put(headers, EXCEPTION, failure.getClass().getName());
        CloudEventHeaders.put(headers, ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.put(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventHeaders.put(headers, CONSUMER_GROUP, consumerGroup);
        CloudEventHeaders.put(headers, FAILED_AT, at.toString());
        return deadLetter;
    }

    /** The counter of conflicting resends dead-lettered by a consumer group (registered at zero by its loop). */
    Counter conflictingResends(String consumerGroup) {
        return Counter.builder(CONFLICTING_RESENDS).tag("group", consumerGroup).register(meters);
    }

    /** The record as it came, or cut down to bounded parts when it is too large to forward whole. */
    private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record) {
        Headers headers = new RecordHeaders();
        int headerBytes = 0;
        int dropped = 0;
        for (Header header : record.headers()) {
            int size = header.key().length() + (header.value() == null ? 0 : header.value().length);
            if (headerBytes + size > MAX_ORIGINAL_HEADER_BYTES) {
                dropped++;
            } else {
                headers.add(header.key(), header.value());
                headerBytes += size;
            }
        }
        byte[] value = record.value();
        boolean valueCut = value != null && value.length > RecordSize.MAX_BYTES;
        String key = record.key();
        boolean keyCut = key != null && key.length() > MAX_KEY_CHARS;
        if (valueCut) {
            value = Arrays.copyOf(value, TRUNCATED_VALUE_BYTES);
        }
        if (keyCut) {
            key = key.substring(0, MAX_KEY_CHARS);
        }
        if (valueCut || keyCut || dropped > 0) {
            CloudEventHeaders.put(headers, TRUNCATED, "true");
            CloudEventHeaders.put(headers, ORIGINAL_SIZE,
                    Integer.toString(record.value() == null ? 0 : record.value().length));
        }
        if (dropped > 0) {
            CloudEventHeaders.put(headers, DROPPED_HEADERS, Integer.toString(dropped));
        }
        return new ProducerRecord<>(record.topic() + ".dlq", null, key, value, headers);
    }

    private static ConflictingResendException conflictIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConflictingResendException conflict) {
                return conflict;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** Exception messages may quote the record; a header never carries more than a readable sentence. */
    private static String bounded(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        return text.substring(0, MAX_TEXT_CHARS) + "… (" + text.getBytes(StandardCharsets.UTF_8).length + " bytes)";
    }
}

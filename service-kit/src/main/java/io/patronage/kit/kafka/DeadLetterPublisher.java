package io.patronage.kit.kafka;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlq}: same key, value and headers, plus
 * {@code dlq.*} headers that say why and where it came from, so it can be inspected and replayed.
 */
@Singleton
public class DeadLetterPublisher {

    public static final String REASON = "dlq.reason";
    public static final String EXCEPTION = "dlq.exception";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    public static final String CONSUMER_GROUP = "dlq.consumer.group";
    public static final String FAILED_AT = "dlq.failed.at";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Producer<String, byte[]> producer;

    DeadLetterPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public void send(ConsumerRecord<String, byte[]> record, String consumerGroup, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(record.topic() + ".dlq", null,
                record.key(), record.value(), record.headers());
        CloudEventHeaders.put(deadLetter.headers(), REASON, reason);
        CloudEventHeaders.put(deadLetter.headers(), EXCEPTION, failure.getClass().getName());
        CloudEventHeaders.put(deadLetter.headers(), ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(deadLetter.headers(), ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.put(deadLetter.headers(), ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventHeaders.put(deadLetter.headers(), CONSUMER_GROUP, consumerGroup);
        CloudEventHeaders.put(deadLetter.headers(), FAILED_AT, Instant.now().toString());
        LOG.warn("{}: {}-{}@{} dead-lettered: {}", consumerGroup, record.topic(), record.partition(),
                record.offset(), reason);
        producer.send(deadLetter);
    }
}

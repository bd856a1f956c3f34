package io.patronage.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a Kafka record into an {@link InboundMessage}. */
@FunctionalInterface
public interface MessageDecoder {

    /**
     * @return the message, or {@code null} for a record this consumer deliberately ignores
     *         (an event type it does not know, from a newer producer)
     * @throws PoisonMessageException when the record is malformed
     */
    InboundMessage decode(ConsumerRecord<String, byte[]> record);
}

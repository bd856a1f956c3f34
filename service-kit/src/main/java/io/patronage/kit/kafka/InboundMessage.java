package io.patronage.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;

/**
 * A decoded Kafka record handed to a {@link TopicListener}.
 *
 * @param messageId what makes the record unique for deduplication: {@code ce_id}, or
 *                  {@code chainId:transactionId} for POS transactions
 * @param time      when the fact happened ({@code ce_time}), or the record timestamp
 * @param payload   the decoded body: an integration event record or a {@code PosTransaction}
 */
public record InboundMessage(String messageId, Instant time, Object payload, ConsumerRecord<String, byte[]> record) {

    public String topic() {
        return record.topic();
    }
}

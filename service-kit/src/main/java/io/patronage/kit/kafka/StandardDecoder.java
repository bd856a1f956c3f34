package io.patronage.kit.kafka;

import io.patronage.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** POS transactions and engagement events as plain JSON, everything else as CloudEvents. */
public final class StandardDecoder implements MessageDecoder {

    private final MessageDecoder transactions = new PosTransactionDecoder();
    private final MessageDecoder engagement = new EngagementDecoder();
    private final MessageDecoder cloudEvents = new CloudEventDecoder();

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.TRANSACTIONS.name())) {
            return transactions.decode(record);
        }
        if (record.topic().equals(Topics.ENGAGEMENT.name())) {
            return engagement.decode(record);
        }
        return cloudEvents.decode(record);
    }
}

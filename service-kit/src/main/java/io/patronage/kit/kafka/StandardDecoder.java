package io.patronage.kit.kafka;

import io.patronage.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** POS transactions as plain JSON, everything else as CloudEvents. */
public final class StandardDecoder implements MessageDecoder {

    private final MessageDecoder transactions = new PosTransactionDecoder();
    private final MessageDecoder cloudEvents = new CloudEventDecoder();

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        return record.topic().equals(Topics.TRANSACTIONS.name())
                ? transactions.decode(record)
                : cloudEvents.decode(record);
    }
}

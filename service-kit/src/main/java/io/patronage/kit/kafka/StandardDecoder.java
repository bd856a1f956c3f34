package io.patronage.kit.kafka;

import io.patronage.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;

/** POS transactions and engagement events as plain JSON, everything else as CloudEvents. */
public final class StandardDecoder implements MessageDecoder {

    private final MessageDecoder transactions;
    private final MessageDecoder engagement = new EngagementDecoder();
    private final MessageDecoder cloudEvents = new CloudEventDecoder();

    /** For listeners of till records: each is checked against its chain. */
    public StandardDecoder(ChainLookup chains) {
        this.transactions = new PosTransactionDecoder(chains, Clock.systemUTC());
    }

    /** For listeners that consume no till records. */
    public StandardDecoder() {
        this.transactions = record -> {
            throw new IllegalStateException("a listener of " + Topics.TRANSACTIONS.name()
                    + " needs a decoder that knows the chains: return new StandardDecoder(chains) from decoder()");
        };
    }

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

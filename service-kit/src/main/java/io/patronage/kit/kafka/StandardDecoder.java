package io.patronage.kit.kafka;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.engagement.EngagementEvent;
import io.patronage.contracts.retail.PosTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.util.Map;

/**
 * Decodes a record as its topic's registry entry says: the plain JSON of a {@link Topic.Envelope#PLAIN_JSON} topic
 * by its payload type, everything else as CloudEvents.
 */
public final class StandardDecoder implements MessageDecoder {

    private final Map<Class<?>, MessageDecoder> plainJson;
    private final MessageDecoder cloudEvents = new CloudEventDecoder();

    /** For listeners of till records: each is checked against its chain, its time against {@code clock}. */
    public StandardDecoder(ChainLookup chains, Clock clock) {
        this(new PosTransactionDecoder(chains, clock));
    }

    /** For listeners that consume no till records. */
    public StandardDecoder() {
        this((MessageDecoder) record -> {
            throw new IllegalStateException("a listener of " + record.topic()
                    + " needs a decoder that knows the chains: return new StandardDecoder(chains, clock) from decoder()");
        });
    }

    private StandardDecoder(MessageDecoder transactions) {
        this.plainJson = Map.of(PosTransaction.class, transactions, EngagementEvent.class, new EngagementDecoder());
    }

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        Topic topic = Topics.byName(record.topic()).orElse(null);
        if (topic == null || topic.envelope() == Topic.Envelope.CLOUD_EVENT) {
            return cloudEvents.decode(record);
        }
        MessageDecoder decoder = plainJson.get(topic.payloads().get(0));
        if (decoder == null) {
            throw new IllegalStateException("no decoder for the plain JSON " + topic.payloads().get(0).getSimpleName()
                    + " of " + topic.name());
        }
        return decoder.decode(record);
    }
}

package io.patronage.analytics.streams;

import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.Fingerprint;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a topic's records enter the topology: each is decoded as every Patronage consumer decodes it (service-kit's
 * decoders), counted once, and turned into facts for the next stage. A record that cannot be read — malformed
 * JSON, an unknown chain, an implausible or oversize till record, a fact the mapper refuses — is forwarded as a
 * {@link DeadLetter} with service-kit's {@code dlq.*} headers, to be written to {@code <topic>.dlq} in the same
 * transaction; the topology goes on with the next record.
 * <p>
 * A message id ({@code ce_id}, or {@code chainId:transactionId} of a till record) seen before is skipped when its
 * content is the same, and dead-lettered as a {@code conflicting-resend} when it is not. The ids live in a store of
 * their own, backed by a changelog, so a restarted or replacement instance knows them too. Resends keep their key
 * (the card, or the member), so they reach the same partition and the same store.
 */
public final class Intake<F> implements Processor<String, byte[], String, Object> {

    private final MessageDecoder decoder;
    private final String seenStore;
    private final String consumerGroup;
    private final Function<Object, List<F>> mapper;
    private final Function<F, String> keyOf;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, String> seen;

    /**
     * @param mapper facts of a decoded payload; throws {@link PoisonMessageException} for one that cannot be counted
     */
    public Intake(MessageDecoder decoder, String seenStore, String consumerGroup, Function<Object, List<F>> mapper,
                  Function<F, String> keyOf) {
        this.decoder = decoder;
        this.seenStore = seenStore;
        this.consumerGroup = consumerGroup;
        this.mapper = mapper;
        this.keyOf = keyOf;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.seen = context.getStateStore(seenStore);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ConsumerRecord<String, byte[]> consumed = consumerRecord(record);
        try {
            if (record.value() == null) {
                throw new PoisonMessageException("a record without a value");
            }
            InboundMessage message = decoder.decode(consumed);
            if (message == null) {
                return;
            }
            String fingerprint = Fingerprint.of(message.payload());
            String before = seen.get(message.messageId());
            if (fingerprint.equals(before)) {
                return;
            }
            if (before != null) {
                throw new ConflictingResendException("message " + message.messageId()
                        + " was received before with different content; the first one counts");
            }
            List<F> facts = mapper.apply(message.payload());
            seen.put(message.messageId(), fingerprint);
            for (F fact : facts) {
                context.forward(new Record<>(keyOf.apply(fact), fact, record.timestamp(), new RecordHeaders()));
            }
        } catch (PoisonMessageException e) {
            ProducerRecord<String, byte[]> letter =
                    DeadLetterPublisher.deadLetterOf(consumed, consumerGroup, e, Instant.now());
            context.forward(new Record<>(letter.key(), (Object) new DeadLetter(letter.value()), record.timestamp(),
                    letter.headers()));
        }
    }

    private ConsumerRecord<String, byte[]> consumerRecord(Record<String, byte[]> record) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        String topic = metadata.map(RecordMetadata::topic).orElse("unknown");
        int partition = metadata.map(RecordMetadata::partition).orElse(-1);
        long offset = metadata.map(RecordMetadata::offset).orElse(-1L);
        byte[] value = record.value();
        return new ConsumerRecord<>(topic, partition, offset, record.timestamp(), TimestampType.CREATE_TIME,
                -1, value == null ? -1 : value.length, record.key(), value, record.headers(), Optional.empty());
    }
}

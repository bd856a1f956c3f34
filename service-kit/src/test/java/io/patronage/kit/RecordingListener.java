package io.patronage.kit;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.StandardDecoder;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test listener: records what it is given, fails on transaction ids starting with "boom", and on those starting
 * with "clash" fails as a service's aggregate does on a conflicting resend (the conflict wrapped, as a command
 * gateway would).
 */
@Singleton
public class RecordingListener implements TopicListener {

    final List<String> handled = new CopyOnWriteArrayList<>();
    private final MessageDecoder decoder;

    RecordingListener(ChainDirectory chains, Clock clock) {
        this.decoder = new StandardDecoder(chains, clock);
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.TRANSACTIONS);
    }

    @Override
    public MessageDecoder decoder() {
        return decoder;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        for (InboundMessage message : batch) {
            String transactionId = ((PosTransaction) message.payload()).transactionId();
            if (transactionId.startsWith("boom")) {
                throw new IllegalStateException("cannot handle " + message.messageId());
            }
            if (transactionId.startsWith("clash")) {
                throw new IllegalStateException("command failed", new ConflictingResendException(
                        message.messageId() + " was already counted with another total"));
            }
        }
        batch.forEach(message -> handled.add(message.messageId()));
    }
}

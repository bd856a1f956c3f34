package io.patronage.kit.kafka;

import io.patronage.contracts.Topic;

import java.util.List;

/**
 * A service's consumer of some topics. Every bean of this type gets its own consumer group
 * ({@code <application>.<name>}) and thread; records arrive decoded, in batches, in partition order.
 * <p>
 * A batch that throws is retried one message at a time so that only the message that fails goes to
 * the dead-letter topic; so handling must be idempotent per message. Infrastructure outages (Mongo
 * or Kafka unreachable) are not the message's fault: the batch is retried until they pass.
 */
public interface TopicListener {

    String name();

    List<Topic> topics();

    void onBatch(List<InboundMessage> batch) throws Exception;

    /**
     * Listeners of {@code retail.transactions.v1} return a {@code new StandardDecoder(chains, clock)} with the
     * service's clock (a till record ahead of it is refused), kept in a field.
     */
    default MessageDecoder decoder() {
        return new StandardDecoder();
    }

    /**
     * Whether messages already processed by this listener (same message id) are skipped; a copy whose content
     * differs from what was processed is dead-lettered as a conflicting resend instead. A listener that
     * answers {@code false} detects conflicts itself and throws {@link ConflictingResendException}.
     */
    default boolean deduplicate() {
        return true;
    }
}

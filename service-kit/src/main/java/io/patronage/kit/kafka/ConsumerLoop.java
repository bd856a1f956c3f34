package io.patronage.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.patronage.contracts.Topic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One listener's poll loop: decode, skip what was already processed, hand over the batch,
 * dead-letter what fails, flush what the handling published, wait until every dead letter is on its
 * topic, then commit the offsets. A dead letter that cannot be sent fails the batch like an outage:
 * it is retried with backoff, and no offset moves past it meanwhile.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final long MAX_BACKOFF_MS = 10_000;

    private final TopicListener listener;
    private final String group;
    private final Consumer<String, byte[]> consumer;
    private final DeadLetterPublisher deadLetters;
    private final ProcessedMessages processedMessages;
    private final EventPublisher publisher;
    private final Counter processed;
    private final Counter deadLettered;
    private final List<CompletableFuture<RecordMetadata>> deadLettersInFlight = new ArrayList<>();
    private final KafkaClientMetrics clientMetrics;
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private volatile String lastFailure;

    ConsumerLoop(TopicListener listener, String group, Consumer<String, byte[]> consumer,
                 DeadLetterPublisher deadLetters, ProcessedMessages processedMessages,
                 EventPublisher publisher, MeterRegistry meters) {
        this.listener = listener;
        this.group = group;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.processedMessages = processedMessages;
        this.publisher = publisher;
        this.processed = Counter.builder("patronage.consumer.messages.processed")
                .tag("group", group).register(meters);
        this.deadLettered = Counter.builder("patronage.consumer.messages.dead.lettered")
                .tag("group", group).register(meters);
        deadLetters.conflictingResends(group);
        this.clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(meters);
    }

    String group() {
        return group;
    }

    boolean healthy() {
        return healthy;
    }

    String lastFailure() {
        return lastFailure;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        long backoff = 100;
        try {
            consumer.subscribe(listener.topics().stream().map(Topic::name).toList());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    handle(records);
                    publisher.flush();
                    awaitDeadLetters();
                    consumer.commitAsync(nextOffsets(records), this::onCommitted);
                    healthy = true;
                    backoff = 100;
                } catch (RuntimeException e) {
                    if (!TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    deadLettersInFlight.clear();
                    healthy = false;
                    lastFailure = e.toString();
                    LOG.warn("{}: infrastructure failure, retrying the batch in {} ms: {}", group, backoff, e.toString());
                    rewind(records);
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            healthy = false;
            lastFailure = e.toString();
            LOG.error("{}: consumer stopped", group, e);
        } finally {
            clientMetrics.close();
            commitOnClose();
            // A clean stop leaves the group at once (a static member would otherwise hold its partitions until its
            // session times out); a crash leaves the slot to the same instance restarted.
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> handled = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(handled.get(handled.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /**
     * A batch's offsets are committed without waiting for the answer: a lost commit only means the batch is
     * delivered again after a restart or rebalance, which handling bears anyway (at-least-once).
     */
    private void onCommitted(Map<TopicPartition, OffsetAndMetadata> offsets, Exception failure) {
        if (failure != null) {
            LOG.warn("{}: offsets not committed ({}); the next commit covers them", group, failure.toString());
        }
    }

    /** Waits for the commits still in flight (an empty commitSync completes the pending commitAsync calls). */
    private void commitOnClose() {
        try {
            consumer.commitSync(Map.of(), Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("{}: offsets not committed on close: {}", group, e.toString());
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        Map<String, InboundMessage> messages = new LinkedHashMap<>();
        List<InboundMessage> laterCopies = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InboundMessage message = listener.decoder().decode(record);
                if (message != null && messages.putIfAbsent(message.messageId(), message) != null) {
                    laterCopies.add(message);
                }
            } catch (PoisonMessageException e) {
                deadLetter(record, e);
            }
        }
        Map<String, String> processedBefore = listener.deduplicate()
                ? processedMessages.alreadyProcessed(group, messages.keySet()) : Map.of();
        Map<String, String> fingerprints = new HashMap<>();
        skipCopies(messages, laterCopies, processedBefore, fingerprints);
        List<InboundMessage> batch = new ArrayList<>(messages.values());
        if (batch.isEmpty()) {
            return;
        }
        Set<String> done = dispatch(batch);
        if (listener.deduplicate()) {
            Map<String, String> processedNow = new HashMap<>();
            done.forEach(id -> processedNow.put(id, fingerprint(messages.get(id), fingerprints)));
            processedMessages.markProcessed(group, processedNow);
        }
        processed.increment(done.size());
    }

    /**
     * Leaves in {@code messages} only what is new. A copy of a message processed before, or a second copy in
     * this batch, is skipped silently when it says the same (or when the earlier record predates
     * fingerprints), and dead-lettered as a conflicting resend when it says something else.
     */
    private void skipCopies(Map<String, InboundMessage> messages, List<InboundMessage> laterCopies,
                            Map<String, String> processedBefore, Map<String, String> fingerprints) {
        for (InboundMessage copy : laterCopies) {
            boolean before = processedBefore.containsKey(copy.messageId());
            String taken = before ? processedBefore.get(copy.messageId())
                    : fingerprint(messages.get(copy.messageId()), fingerprints);
            if (taken != null && !taken.equals(Fingerprint.of(copy.payload()))) {
                deadLetter(copy.record(), conflict(copy, before));
            }
        }
        processedBefore.forEach((id, taken) -> {
            InboundMessage message = messages.remove(id);
            if (taken != null && !taken.equals(fingerprint(message, fingerprints))) {
                deadLetter(message.record(), conflict(message, true));
            }
        });
    }

    private static String fingerprint(InboundMessage message, Map<String, String> fingerprints) {
        return fingerprints.computeIfAbsent(message.messageId(), id -> Fingerprint.of(message.payload()));
    }

    private static ConflictingResendException conflict(InboundMessage copy, boolean processedBefore) {
        String what = copy.topic() + " " + copy.messageId();
        return new ConflictingResendException(processedBefore
                ? what + " was first processed with other content; this copy was not counted"
                : what + " came twice in one batch with different content; the first copy was taken, "
                        + "this copy was not counted");
    }

    private Set<String> dispatch(List<InboundMessage> batch) {
        Set<String> done = new HashSet<>();
        try {
            listener.onBatch(batch);
            batch.forEach(message -> done.add(message.messageId()));
            return done;
        } catch (Exception batchFailure) {
            rethrowIfTransient(batchFailure);
            if (batch.size() == 1) {
                deadLetter(batch.get(0).record(), batchFailure);
                return done;
            }
        }
        for (InboundMessage message : batch) {
            try {
                listener.onBatch(List.of(message));
                done.add(message.messageId());
            } catch (Exception failure) {
                rethrowIfTransient(failure);
                deadLetter(message.record(), failure);
            }
        }
        return done;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable failure) {
        deadLettersInFlight.add(deadLetters.send(record, group, failure));
    }

    /** The batch's offsets may be committed only once its dead letters are safely on their topic. */
    private void awaitDeadLetters() throws InterruptedException {
        try {
            for (CompletableFuture<RecordMetadata> sent : deadLettersInFlight) {
                sent.get();
            }
            deadLettered.increment(deadLettersInFlight.size());
        } catch (ExecutionException e) {
            throw new DeadLetterNotSentException(e.getCause());
        } finally {
            deadLettersInFlight.clear();
        }
    }

    private static void rethrowIfTransient(Exception failure) {
        if (TransientFailures.isTransient(failure)) {
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }
}

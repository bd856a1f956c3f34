package io.patronage.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsEarned;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads {@code loyalty.points.v1} from its beginning for the whole run, as a downstream consumer would: when
 * each transaction's {@code PointsEarned} arrived (by {@code chainId:transactionId}, so a republished event is
 * not counted twice), each member's balance as the latest event about them announced it, and the points issued
 * per chain as analytics counts them (PointsEarned and PointsAwarded). Bodies are read as JSON trees, so event
 * types added to the topic later do not break the bench.
 */
public final class PointsWatcher implements AutoCloseable {

    private static final String EARNED = IntegrationEvent.typeOf(PointsEarned.class);
    private static final String AWARDED = IntegrationEvent.typeOf(PointsAwarded.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final Map<String, Long> outboundMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> balanceByMember = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> pointsByChain = new ConcurrentHashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    public PointsWatcher(String bootstrapServers) {
        consumer = Clients.assignedConsumer(bootstrapServers, "bench-points-watcher", Topics.POINTS.name());
        consumer.seekToBeginning(consumer.assignment());
        thread = new Thread(this::run, "points-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                long wallNow = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    String id = header(record, "ce_id");
                    if (id == null || eventIds.add(id)) {
                        read(header(record, "ce_type"), JSON.readTree(record.value()), now, wallNow - record.timestamp());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (IOException | RuntimeException e) {
            failure.set(new IllegalStateException("cannot read loyalty.points.v1: " + e, e));
        } finally {
            consumer.close();
        }
    }

    /** Records of one member are on one partition, in order: the last balance read is the current one. */
    private void read(String type, JsonNode event, long now, long sinceSent) {
        if (event.path("memberId").isTextual() && event.path("balance").isNumber()) {
            balanceByMember.put(event.get("memberId").asText(), event.get("balance").asLong());
        }
        String chainId = event.path("chainId").asText();
        if (EARNED.equals(type)) {
            String transactionKey = chainId + ":" + event.path("transactionId").asText();
            if (seenAt.putIfAbsent(transactionKey, now) == null) {
                outboundMillis.put(transactionKey, sinceSent);
                issued(chainId, event);
            }
        } else if (AWARDED.equals(type)) {
            issued(chainId, event);
        }
    }

    private void issued(String chainId, JsonNode event) {
        pointsByChain.computeIfAbsent(chainId, chain -> new LongAdder()).add(event.path("points").asLong());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@link System#nanoTime()} when the transaction's PointsEarned was read, if it was. */
    public Optional<Long> seenAt(String transactionKey) {
        return Optional.ofNullable(seenAt.get(transactionKey));
    }

    /**
     * Milliseconds from points-service's send of the transaction's PointsEarned (the record's timestamp, same
     * machine clock) to its read here: the outbound Kafka hop of the latency.
     */
    public Optional<Long> outboundMillis(String transactionKey) {
        return Optional.ofNullable(outboundMillis.get(transactionKey));
    }

    /** Transactions with a PointsEarned so far. */
    public long earned() {
        check();
        return seenAt.size();
    }

    /** Points issued in the chain so far, as the participation view defines them. */
    public long pointsIssued(String chainId) {
        LongAdder points = pointsByChain.get(chainId);
        return points == null ? 0 : points.sum();
    }

    /** The balance the latest event about the member announced. */
    public Optional<Long> balance(String memberId) {
        return Optional.ofNullable(balanceByMember.get(memberId));
    }

    private void check() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.patronage.kit.chains;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.kafka.CloudEventDecoder;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.KafkaClientSecurity;
import io.patronage.kit.kafka.PoisonMessageException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every chain of {@code loyalty.chains.v1} in memory: {@link #start()} reads the compacted topic from the
 * beginning to its end (before the service's consumers start), then a daemon thread keeps following it.
 * <p>
 * A chain published just before a till record that names it may not have reached the follower yet, so a miss
 * waits until the follower has read up to the topic's current end, then looks again: what was on the topic
 * before the record was consumed is always found, and an unknown chain costs one offsets request.
 */
@Singleton
public class ChainDirectory implements Chains {

    private static final Logger LOG = LoggerFactory.getLogger(ChainDirectory.class);
    private static final String TOPIC = Topics.CHAINS.name();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String application;
    private final Admin admin;
    private final KafkaClientSecurity security;
    private final CloudEventDecoder decoder = new CloudEventDecoder();
    private final Map<String, ChainConfigured> chains = new ConcurrentHashMap<>();
    /** Guards {@link #positions}; notified whenever the follower has read further. */
    private final Object progress = new Object();
    private Map<TopicPartition, Long> positions = Map.of();
    private List<TopicPartition> partitions = List.of();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread follower;
    private volatile boolean running;

    ChainDirectory(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                   @Value("${micronaut.application.name}") String application, Admin admin,
                   KafkaClientSecurity security) {
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.application = application;
        this.admin = admin;
    }

    /** Reads the whole topic, then follows it; the topic must exist. Calling it again does nothing. */
    public synchronized void start() {
        if (follower != null) {
            return;
        }
        consumer = new KafkaConsumer<>(security.with(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, application + "-chains",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            partitions = consumer.partitionsFor(TOPIC, CATCH_UP).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + TOPIC + " does not exist: no chain can be known");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CATCH_UP);
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (!reached(end)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("could not read " + TOPIC + " to its end within " + CATCH_UP);
                }
                readOnce();
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        LOG.info("{} chains known from {}: {}", chains.size(), TOPIC, chains.keySet());
        running = true;
        follower = new Thread(this::follow, "chains-" + application);
        follower.setDaemon(true);
        follower.start();
    }

    @PreDestroy
    public synchronized void stop() {
        if (follower == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            follower.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        follower = null;
    }

    @Override
    public Optional<ChainConfigured> find(String chainId) {
        if (chainId == null) {
            return Optional.empty();
        }
        ChainConfigured chain = chains.get(chainId);
        if (chain == null && running) {
            catchUp();
            chain = chains.get(chainId);
        }
        return Optional.ofNullable(chain);
    }

    /** Every chain known now, by chain id. */
    public Map<String, ChainConfigured> all() {
        return Map.copyOf(chains);
    }

    /** The chain, or a 404 problem for an HTTP caller who named a chain nobody configured. */
    public ChainConfigured require(String chainId) {
        return find(chainId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-chain",
                "no chain " + shown(chainId) + " is configured"));
    }

    private static String shown(String chainId) {
        return chainId != null && chainId.length() > 64 ? chainId.substring(0, 64) + "…" : chainId;
    }

    private void follow() {
        try {
            while (running) {
                try {
                    readOnce();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warn("reading {} failed, trying again: {}", TOPIC, e.toString());
                    Thread.sleep(1_000);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void readOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            apply(record);
        }
        Map<TopicPartition, Long> read = new HashMap<>();
        partitions.forEach(partition -> read.put(partition, consumer.position(partition)));
        synchronized (progress) {
            positions = read;
            progress.notifyAll();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null && chains.remove(record.key()) != null) {
                LOG.info("chain {} removed", record.key());
            }
            return;
        }
        try {
            InboundMessage message = decoder.decode(record);
            if (message != null && message.payload() instanceof ChainConfigured chain && chain.chainId() != null
                    && chain.currency() != null) {
                ChainConfigured before = chains.put(chain.chainId(), chain);
                if (before == null || !before.sameAs(chain)) {
                    LOG.info("chain {} configured: {}", chain.chainId(), chain);
                }
            }
        } catch (PoisonMessageException | IllegalArgumentException e) {
            LOG.warn("{} offset {} skipped: {}", TOPIC, record.offset(), e.getMessage());
        }
    }

    /** Waits until the follower has read everything on the topic now. */
    private void catchUp() {
        Map<TopicPartition, Long> end;
        try {
            end = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(CATCH_UP.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while reading the end of " + TOPIC, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("cannot read the end of " + TOPIC, e);
        }
        awaitReached(end, CATCH_UP);
    }

    /**
     * Waits until the follower has read this record of the topic (and so everything before it): a chain just
     * published is then what {@link #find} answers, or a later change of it.
     *
     * @throws TimeoutException when the follower has not read that far within {@code within}
     */
    public void awaitRead(RecordMetadata published, Duration within) {
        if (!TOPIC.equals(published.topic())) {
            throw new IllegalArgumentException(published.topic() + " is not " + TOPIC);
        }
        if (!running) {
            throw new TimeoutException("the chain directory is not following " + TOPIC);
        }
        awaitReached(Map.of(new TopicPartition(TOPIC, published.partition()), published.offset() + 1), within);
    }

    private void awaitReached(Map<TopicPartition, Long> end, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (progress) {
            while (!reached(end)) {
                long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMs <= 0) {
                    throw new TimeoutException("the chain directory is behind " + TOPIC);
                }
                try {
                    progress.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TimeoutException("interrupted while following " + TOPIC, e);
                }
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        synchronized (progress) {
            return end.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }
    }
}

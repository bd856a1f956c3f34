package io.patronage.kit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.Topics;
import io.patronage.kit.lifecycle.ServiceInstance;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs one {@link ConsumerLoop} thread per {@link TopicListener} bean. */
@Singleton
public class KafkaConsumers {

    private final List<TopicListener> listeners;
    private final String bootstrapServers;
    private final String application;
    private final int maxPollRecords;
    private final ServiceInstance instance;
    private final DeadLetterPublisher deadLetters;
    private final ProcessedMessages processedMessages;
    private final EventPublisher publisher;
    private final MeterRegistry meters;
    private final KafkaClientSecurity security;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private ExecutorService threads;

    KafkaConsumers(List<TopicListener> listeners,
                   @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                   @Value("${micronaut.application.name}") String application,
                   @Value("${patronage.kafka.max-poll-records:500}") int maxPollRecords,
                   ServiceInstance instance,
                   DeadLetterPublisher deadLetters, ProcessedMessages processedMessages,
                   EventPublisher publisher, MeterRegistry meters, KafkaClientSecurity security) {
        this.listeners = listeners;
        this.bootstrapServers = bootstrapServers;
        this.application = application;
        this.maxPollRecords = maxPollRecords;
        this.instance = instance;
        this.deadLetters = deadLetters;
        this.processedMessages = processedMessages;
        this.publisher = publisher;
        this.meters = meters;
        this.security = security;
    }

    public synchronized void start() {
        if (threads != null || listeners.isEmpty()) {
            return;
        }
        listeners.forEach(listener -> listener.topics()
                .forEach(topic -> Topics.requireReader(application, topic.name())));
        threads = Executors.newFixedThreadPool(listeners.size(), runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        for (TopicListener listener : listeners) {
            String group = application + "." + listener.name();
            ConsumerLoop loop = new ConsumerLoop(listener, group, consumer(group), deadLetters,
                    processedMessages, publisher, meters);
            loops.add(loop);
            threads.submit(() -> {
                Thread.currentThread().setName("consumer-" + group);
                loop.run();
            });
        }
    }

    public synchronized void stop() {
        if (threads == null) {
            return;
        }
        loops.forEach(ConsumerLoop::stop);
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
        loops.clear();
    }

    /** Consumer groups whose loop is failing, with the last failure. */
    public synchronized Map<String, String> unhealthy() {
        Map<String, String> failing = new java.util.TreeMap<>();
        loops.stream().filter(loop -> !loop.healthy())
                .forEach(loop -> failing.put(loop.group(), String.valueOf(loop.lastFailure())));
        return failing;
    }

    /**
     * With a configured instance id the consumer is a static member of its group: the same instance restarted after
     * a crash takes its partitions back at once, instead of every partition waiting for the dead member's session
     * to time out and for a rebalance. Two live instances must never share an id (the broker fences one of them).
     */
    private KafkaConsumer<String, byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        if (instance.named()) {
            // Kafka takes ASCII letters, digits, '.', '_' and '-' here
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    group + "_" + instance.id().replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        return new KafkaConsumer<>(security.with(config), new StringDeserializer(), new ByteArrayDeserializer());
    }
}

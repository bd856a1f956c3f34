package io.patronage.bench.measure;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The latest committed record of every key on the analytics view topics, as a data team's consumer sees them. */
final class ViewTopics {

    private static final List<String> TOPICS = Topics.ALL.stream().map(Topic::name)
            .filter(name -> name.startsWith("loyalty.analytics.")).toList();

    private ViewTopics() {
    }

    /**
     * @param latest {@code topic key} → its latest value ({@code "tombstone"} for a deleted key)
     * @param end    where the reading stopped, to read only what was published after it next time
     */
    record Reading(Map<String, String> latest, Map<TopicPartition, Long> end) {
    }

    /** Every view from the beginning of the topics. */
    static Reading read(String bootstrapServers) {
        return readFrom(bootstrapServers, Map.of());
    }

    /** The views published after {@code earlier}: what a recomputation wrote, not what it found there. */
    static Reading readAfter(String bootstrapServers, Reading earlier) {
        return readFrom(bootstrapServers, earlier.end());
    }

    private static Reading readFrom(String bootstrapServers, Map<TopicPartition, Long> from) {
        Map<String, String> latest = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-view-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach(consumer::seek);
            // read_committed: the end offsets are the last stable ones
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the view topics could not be read to their end in 2 min");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.topic() + " " + record.key(),
                            record.value() == null ? "tombstone" : record.value());
                }
            }
            return new Reading(latest, end);
        }
    }

    /** The keys whose latest values differ between two readings (or that only one of them has). */
    static List<String> differing(Map<String, String> before, Map<String, String> after) {
        List<String> keys = new ArrayList<>();
        before.forEach((key, value) -> {
            if (!value.equals(after.get(key))) {
                keys.add(key);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(keys::add);
        return keys;
    }
}

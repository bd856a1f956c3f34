package io.patronage.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Follows one topic from its beginning for a whole test class, keeping every record seen, so that a test can ask
 * what has arrived so far or wait for what it expects without reading the topic again.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    TopicReader(KafkaConsumer<String, byte[]> consumer, String topic) {
        this.consumer = consumer;
        // A topic the service has not provisioned yet has no partitions: wait for them.
        List<TopicPartition> partitions = Awaitility.await().atMost(KafkaProbe.PATIENCE)
                .pollInSameThread().until(() -> consumer.partitionsFor(topic, KafkaProbe.PATIENCE).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList(), found -> !found.isEmpty());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what is new and answers every record seen so far that matches, in order. */
    public synchronized List<ConsumerRecord<String, byte[]>> seen(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream().filter(wanted).toList();
    }

    /** Reads for {@code poll} what is new, then answers every record seen so far that matches. */
    public synchronized List<ConsumerRecord<String, byte[]>> seenAfter(Duration poll,
                                                                     Predicate<ConsumerRecord<String, byte[]>> wanted) {
        consumer.poll(poll).forEach(records::add);
        return seen(wanted);
    }

    /** The first matching record, awaited. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return awaitAtLeast(1, wanted).get(0);
    }

    /** At least {@code count} matching records, awaited; all seen so far. */
    public List<ConsumerRecord<String, byte[]>> awaitAtLeast(int count, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        return Awaitility.await().atMost(KafkaProbe.PATIENCE).pollInSameThread()
                .until(() -> seen(wanted), matches -> matches.size() >= count);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}

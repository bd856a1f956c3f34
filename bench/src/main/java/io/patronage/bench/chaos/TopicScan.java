package io.patronage.bench.chaos;

import io.patronage.bench.kafka.Clients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads a whole topic, from its first offset to the end offsets of the moment, as an outside client would. */
final class TopicScan {

    private TopicScan() {
    }

    static void scan(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = Clients.assignedConsumer(bootstrapServers, "chaos-scan", topic)) {
            Set<TopicPartition> partitions = consumer.assignment();
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<TopicPartition> pending = new ArrayList<>(partitions);
            pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            while (!pending.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
                pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
            }
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

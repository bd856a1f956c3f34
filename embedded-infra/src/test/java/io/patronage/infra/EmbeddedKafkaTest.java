package io.patronage.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.patronage.harness.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "members";

    @Test
    void keepsTopicsRecordsAndCommittedOffsetsAcrossARestart(@TempDir Path logDir) throws Exception {
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0)) {
            clusterId = kafka.clusterId();
            KafkaAdmin.createTopics(kafka.bootstrapServers(), Map.of(TOPIC, 3));
            KafkaAdmin.createTopics(kafka.bootstrapServers(), Map.of(TOPIC, 3));

            KafkaClients.produce(kafka.bootstrapServers(), TOPIC, "member-1", "enrolled");
            ConsumerRecord<String, String> consumed = KafkaClients.consumeOne(kafka.bootstrapServers(), TOPIC, "projector");

            assertEquals("member-1", consumed.key());
            assertEquals("enrolled", consumed.value());
        }

        int fixedPort = Ports.free(1).get(0);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, fixedPort)) {
            assertEquals("localhost:" + fixedPort, kafka.bootstrapServers());
            assertEquals(clusterId, kafka.clusterId());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertEquals(3, admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size());
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("projector").partitionsToOffsetAndMetadata().get();
                assertEquals(1, committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum());
            }
            assertEquals("enrolled", KafkaClients.consumeOne(kafka.bootstrapServers(), TOPIC, "replayer").value());
        }
    }

    @Test
    void aFailedStartLeavesTheLogDirectoryUsable(@TempDir Path logDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThrows(RuntimeException.class, () -> EmbeddedKafka.start(logDir, taken.getLocalPort()));
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0)) {
            KafkaClients.produce(kafka.bootstrapServers(), TOPIC, "member-1", "enrolled");
            assertEquals("enrolled", KafkaClients.consumeOne(kafka.bootstrapServers(), TOPIC, "projector").value());
        }
    }
}

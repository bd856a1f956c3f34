package io.patronage.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The topics that deploy/ creates must be exactly the topics of the registry ({@link Topics#ALL})
 * and their dead-letter topics, with the registry's partitions, retention and compaction:
 * <ul>
 *   <li>every {@code KafkaTopic} (Strimzi) under {@code deploy/kubernetes}, wherever it is
 *       declared, and</li>
 *   <li>{@code deploy/compose/topics.txt}, the list docker-compose.yml creates.</li>
 * </ul>
 * Rules the manifests follow: partitions as in the registry; {@code retention.ms} the registry's
 * retention or -1 for forever; {@code cleanup.policy} compact for compacted topics, delete
 * otherwise; replicas 3 and {@code min.insync.replicas} 2 (production; overlays/dev patches them
 * down); a dead-letter topic has its topic's partitions, delete policy and 30 days retention.
 */
class KafkaTopicManifestsTest {

    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
    static final int PRODUCTION_REPLICAS = 3;
    static final int PRODUCTION_MIN_IN_SYNC_REPLICAS = 2;
    static final String STRIMZI_API_VERSION = "kafka.strimzi.io/v1";

    private static final YAMLMapper YAML = new YAMLMapper();

    static Path deployDir;
    static List<Manifest> kafkaTopics;

    /** One topic as a manifest declares it; {@code source} says where, for the failure message. */
    record Manifest(String source, String topic, int partitions, Integer replicas, Integer minInSyncReplicas,
                    String cleanupPolicy, Long retentionMs) {
    }

    /** What the registry says a topic must look like. */
    record Expected(String topic, int partitions, String cleanupPolicy, long retentionMs) {
    }

    @BeforeAll
    static void readManifests() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        deployDir = moduleDir.resolve("../deploy").normalize();
        assertTrue(Files.isDirectory(deployDir.resolve("kubernetes")),
                "expected the deployment manifests in " + deployDir.resolve("kubernetes"));
        kafkaTopics = readKafkaTopics(deployDir.resolve("kubernetes"));
    }

    @Test
    void theKafkaTopicManifestsAreFound() {
        assertFalse(kafkaTopics.isEmpty(), "no KafkaTopic found under " + deployDir.resolve("kubernetes"));
        assertTrue(kafkaTopics.stream().allMatch(m -> m.source().contains("kafka/topics.yaml")),
                "KafkaTopics belong in deploy/kubernetes/kafka/topics.yaml: " + kafkaTopics.stream()
                        .map(Manifest::source).filter(s -> !s.contains("kafka/topics.yaml")).toList());
    }

    @Test
    void kafkaTopicManifestsMatchTheRegistry() {
        assertNoProblems("deploy/kubernetes (KafkaTopic resources)", problems(expected(Topics.ALL), kafkaTopics));
    }

    @Test
    void kafkaTopicManifestsAreReplicatedForProduction() {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : kafkaTopics) {
            if (manifest.replicas() == null || manifest.replicas() != PRODUCTION_REPLICAS) {
                problems.add(manifest.source() + ": spec.replicas is " + manifest.replicas() + ", expected "
                        + PRODUCTION_REPLICAS);
            }
            if (manifest.minInSyncReplicas() == null || manifest.minInSyncReplicas() != PRODUCTION_MIN_IN_SYNC_REPLICAS) {
                problems.add(manifest.source() + ": min.insync.replicas is " + manifest.minInSyncReplicas()
                        + ", expected " + PRODUCTION_MIN_IN_SYNC_REPLICAS);
            }
        }
        assertNoProblems("deploy/kubernetes (KafkaTopic resources)", problems);
    }

    @Test
    void composeTopicListMatchesTheRegistry() {
        List<Manifest> composeTopics = readComposeTopics(deployDir.resolve("compose/topics.txt"));
        assertNoProblems("deploy/compose/topics.txt", problems(expected(Topics.ALL), composeTopics));
    }

    /** The comparison itself must notice each kind of drift, or the tests above prove nothing. */
    @Test
    void theComparisonNoticesEveryKindOfDrift() {
        Topic points = Topics.POINTS;
        Topic view = Topics.PARTICIPATION;
        List<Expected> expected = expected(List.of(points, view));
        List<Manifest> exact = List.of(
                manifest(points.name(), points.partitions(), "delete", -1L),
                manifest(points.deadLetterTopic(), points.partitions(), "delete", DEAD_LETTER_RETENTION.toMillis()),
                manifest(view.name(), view.partitions(), "compact", -1L),
                manifest(view.deadLetterTopic(), view.partitions(), "delete", DEAD_LETTER_RETENTION.toMillis()));
        assertEquals(List.of(), problems(expected, exact));

        assertDrift(expected, exact, 0, manifest(points.name(), points.partitions() + 1, "delete", -1L), "partitions");
        assertDrift(expected, exact, 0, manifest(points.name(), points.partitions(), "delete", 86_400_000L), "retention.ms");
        assertDrift(expected, exact, 2, manifest(view.name(), view.partitions(), "delete", -1L), "cleanup.policy");
        assertDrift(expected, exact, 1, manifest(points.deadLetterTopic(), points.partitions(), "delete", -1L), "retention.ms");

        List<Manifest> missingDeadLetter = new ArrayList<>(exact);
        missingDeadLetter.remove(3);
        assertTrue(problems(expected, missingDeadLetter).stream().anyMatch(p -> p.contains("missing")
                && p.contains(view.deadLetterTopic())), "a missing dead-letter topic must be reported");

        List<Manifest> unknown = new ArrayList<>(exact);
        unknown.add(manifest("loyalty.points.v2", 12, "delete", -1L));
        assertTrue(problems(expected, unknown).stream().anyMatch(p -> p.contains("not in the registry")
                && p.contains("loyalty.points.v2")), "a topic outside the registry must be reported");

        List<Manifest> duplicate = new ArrayList<>(exact);
        duplicate.add(exact.get(0));
        assertTrue(problems(expected, duplicate).stream().anyMatch(p -> p.contains("declared 2 times")),
                "a topic declared twice must be reported");
    }

    @Test
    void readsKafkaTopicsFromMultiDocumentYaml(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("topics.yaml"), """
                # a comment before the first document
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: loyalty-points
                  labels:
                    strimzi.io/cluster: patronage
                spec:
                  topicName: loyalty.points.v1
                  partitions: 12
                  replicas: 3
                  config:
                    cleanup.policy: delete
                    retention.ms: -1
                    min.insync.replicas: 2
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: not-a-topic
                """);
        List<Manifest> read = readKafkaTopics(dir);
        assertEquals(1, read.size());
        Manifest topic = read.get(0);
        assertEquals("loyalty.points.v1", topic.topic());
        assertEquals(12, topic.partitions());
        assertEquals(3, topic.replicas());
        assertEquals(2, topic.minInSyncReplicas());
        assertEquals("delete", topic.cleanupPolicy());
        assertEquals(-1L, topic.retentionMs());
    }

    // ---------------------------------------------------------------------------------------------

    static List<Expected> expected(List<Topic> registry) {
        List<Expected> expected = new ArrayList<>();
        for (Topic topic : registry) {
            expected.add(new Expected(topic.name(), topic.partitions(), topic.compacted() ? "compact" : "delete",
                    topic.retention() == null ? -1L : topic.retention().toMillis()));
            expected.add(new Expected(topic.deadLetterTopic(), topic.partitions(), "delete",
                    DEAD_LETTER_RETENTION.toMillis()));
        }
        return expected;
    }

    static List<String> problems(List<Expected> expected, List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Manifest>> byTopic = manifests.stream()
                .collect(Collectors.groupingBy(Manifest::topic, LinkedHashMap::new, Collectors.toList()));
        Set<String> known = expected.stream().map(Expected::topic).collect(Collectors.toSet());
        for (Expected topic : expected) {
            List<Manifest> declared = byTopic.getOrDefault(topic.topic(), List.of());
            if (declared.isEmpty()) {
                problems.add(topic.topic() + ": missing (the registry has it, no manifest declares it)");
                continue;
            }
            if (declared.size() > 1) {
                problems.add(topic.topic() + ": declared " + declared.size() + " times: "
                        + declared.stream().map(Manifest::source).toList());
            }
            for (Manifest manifest : declared) {
                if (manifest.partitions() != topic.partitions()) {
                    problems.add(manifest.source() + ": partitions " + manifest.partitions() + ", registry "
                            + topic.partitions());
                }
                if (!topic.cleanupPolicy().equals(manifest.cleanupPolicy())) {
                    problems.add(manifest.source() + ": cleanup.policy " + manifest.cleanupPolicy() + ", expected "
                            + topic.cleanupPolicy());
                }
                if (manifest.retentionMs() == null || manifest.retentionMs() != topic.retentionMs()) {
                    problems.add(manifest.source() + ": retention.ms " + manifest.retentionMs() + ", expected "
                            + topic.retentionMs() + (topic.retentionMs() == -1 ? " (forever)" : ""));
                }
            }
        }
        for (String topic : new TreeSet<>(byTopic.keySet())) {
            if (!known.contains(topic)) {
                problems.add(topic + ": not in the registry (contracts Topics.ALL) nor the dead-letter topic of one: "
                        + byTopic.get(topic).stream().map(Manifest::source).toList());
            }
        }
        return problems;
    }

    /** Every document of kind KafkaTopic in the YAML files under {@code dir}. */
    static List<Manifest> readKafkaTopics(Path dir) {
        List<Manifest> topics = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                List<JsonNode> documents;
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    documents = YAML.readValues(parser, JsonNode.class).readAll();
                }
                for (JsonNode document : documents) {
                    if (document == null || !"KafkaTopic".equals(document.path("kind").asText())) {
                        continue;
                    }
                    String source = deployRelative(file) + " KafkaTopic " + document.path("metadata").path("name").asText();
                    topics.add(kafkaTopic(source, document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static Manifest kafkaTopic(String source, JsonNode document) {
        if (!STRIMZI_API_VERSION.equals(document.path("apiVersion").asText())) {
            fail(source + ": apiVersion must be " + STRIMZI_API_VERSION + ", is " + document.path("apiVersion"));
        }
        if (document.path("metadata").path("labels").path("strimzi.io/cluster").asText().isEmpty()) {
            fail(source + ": needs the label strimzi.io/cluster, or no Topic Operator picks it up");
        }
        JsonNode spec = document.path("spec");
        JsonNode config = spec.path("config");
        String topic = spec.hasNonNull("topicName") ? spec.get("topicName").asText()
                : document.path("metadata").path("name").asText();
        return new Manifest(source, topic,
                spec.path("partitions").asInt(-1),
                spec.hasNonNull("replicas") ? spec.get("replicas").asInt() : null,
                config.hasNonNull("min.insync.replicas") ? config.get("min.insync.replicas").asInt() : null,
                config.path("cleanup.policy").asText("delete"),
                config.hasNonNull("retention.ms") ? config.get("retention.ms").asLong() : null);
    }

    /** Lines {@code <topic> <partitions> <key>=<value>,...} of compose/topics.txt. */
    static List<Manifest> readComposeTopics(Path file) {
        List<Manifest> topics = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String source = deployRelative(file) + ":" + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                fail(source + ": expected <topic> <partitions> <key>=<value>,..., got: " + line);
            }
            Map<String, String> config = new LinkedHashMap<>();
            for (String pair : fields[2].split(",")) {
                String[] keyValue = pair.split("=", 2);
                config.put(keyValue[0], keyValue.length == 2 ? keyValue[1] : "");
            }
            topics.add(new Manifest(source, fields[0], Integer.parseInt(fields[1]), null, null,
                    config.getOrDefault("cleanup.policy", "delete"),
                    config.containsKey("retention.ms") ? Long.parseLong(config.get("retention.ms")) : null));
        }
        return topics;
    }

    private static String deployRelative(Path file) {
        return deployDir != null && file.normalize().startsWith(deployDir)
                ? "deploy/" + deployDir.relativize(file.normalize()).toString().replace('\\', '/')
                : file.getFileName().toString();
    }

    private static Manifest manifest(String topic, int partitions, String cleanupPolicy, Long retentionMs) {
        return new Manifest("test " + topic, topic, partitions, PRODUCTION_REPLICAS, PRODUCTION_MIN_IN_SYNC_REPLICAS,
                cleanupPolicy, retentionMs);
    }

    private static void assertDrift(List<Expected> expected, List<Manifest> exact, int index, Manifest drifted,
                                    String mentioning) {
        List<Manifest> manifests = new ArrayList<>(exact);
        manifests.set(index, drifted);
        List<String> problems = problems(expected, manifests);
        assertTrue(problems.stream().anyMatch(p -> p.contains(drifted.topic()) && p.contains(mentioning)),
                "drift in " + mentioning + " of " + drifted.topic() + " must be reported, got " + problems);
    }

    private static void assertNoProblems(String where, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(where + " disagrees with the topic registry (contracts Topics.java); fix the manifests "
                    + "(or the registry) so they agree:\n  " + String.join("\n  ", problems));
        }
    }
}

package io.patronage.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files rendered from the registry ({@link Topics#ALL}): the Strimzi {@code KafkaTopic}s, the topic list
 * docker-compose creates and the root README's topic table. Every topic has its dead-letter topic: same
 * partitions, delete policy, {@link #DEAD_LETTER_RETENTION}. Production topics have 3 replicas and
 * {@code min.insync.replicas} 2 (the dev overlay patches them down); compose creates them with replication 1.
 */
final class TopicFiles {

    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
    static final String README_START = "<!-- topic table: generated from Topics.java by contracts' TopicFilesTest -->";
    static final String README_END = "<!-- end of topic table -->";

    private TopicFiles() {
    }

    /** deploy/kubernetes/kafka/topics.yaml */
    static String strimziTopics() {
        StringBuilder yaml = new StringBuilder("""
                # GENERATED from the contracts' registry (contracts/.../Topics.java) by TopicFilesTest: do not edit.
                # One KafkaTopic per topic and one per dead-letter topic <name>.dlq. To change a topic, change the
                # registry and run: ./mvnw -B test -pl contracts -Dtest=TopicFilesTest -Dpatronage.regenerate=true
                #
                #   partitions          as in the registry (the cap on consumer parallelism, see deploy/README.md)
                #   replicas            3 in production (overlays/dev patches every topic down to 1)
                #   min.insync.replicas 2 (acks=all writes survive the loss of one broker)
                #   retention.ms        registry retention; -1 where the registry keeps records forever
                #   cleanup.policy      compact for the registry's compacted views, delete otherwise
                #   <name>.dlq          same partitions as its topic, delete policy, 30 days retention
                # Deleting a KafkaTopic resource deletes the topic and its data in Kafka (the Topic Operator
                # runs with finalizers): back the data up first (see deploy/README.md).
                """);
        for (Settings topic : settings()) {
            yaml.append("---\n# ").append(topic.comment()).append('\n').append("""
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaTopic
                    metadata:
                      name: %s
                      labels:
                        strimzi.io/cluster: patronage
                    spec:
                      partitions: %d
                      replicas: 3
                      config:
                        cleanup.policy: %s
                        retention.ms: %d
                        min.insync.replicas: 2
                    """.formatted(topic.name(), topic.partitions(), topic.cleanupPolicy(), topic.retentionMs()));
        }
        return yaml.toString();
    }

    /** deploy/compose/topics.txt */
    static String composeTopics() {
        return """
                # GENERATED from the contracts' registry by TopicFilesTest: do not edit (see kubernetes/kafka/topics.yaml).
                # The topics docker-compose.yml creates: <topic> <partitions> <config>=<value>,... (replication 1)
                """ + settings().stream()
                .map(topic -> topic.name() + " " + topic.partitions() + " cleanup.policy=" + topic.cleanupPolicy()
                        + ",retention.ms=" + topic.retentionMs() + "\n")
                .collect(Collectors.joining());
    }

    /** The table of the root README's "Kafka topics" section, between {@link #README_START} and {@link #README_END}. */
    static String readmeTable() {
        StringBuilder table = new StringBuilder(README_START).append("\n\n")
                .append("| topic | key | written by | contents |\n|---|---|---|---|\n");
        for (Topic topic : Topics.ALL) {
            table.append("| `").append(topic.name()).append("` | ").append(topic.key()).append(" | ")
                    .append(topic.producers().stream().map(p -> p.endsWith("-service") ? "`" + p + "`" : p)
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(contents(topic)).append(" |\n");
        }
        return table.append('\n').append(README_END).toString();
    }

    private static String contents(Topic topic) {
        String payloads = topic.reserved() ? "reserved" : topic.payloads().stream()
                .map(type -> "`" + type.getSimpleName() + "`")
                .collect(Collectors.joining(", "));
        String envelope = topic.envelope() == Topic.Envelope.PLAIN_JSON ? " as plain JSON (no envelope)" : "";
        return payloads + envelope + (topic.compacted() ? " (compacted)" : "");
    }

    /** deploy/kubernetes/kafka/users.yaml: one Strimzi KafkaUser per service, its ACLs from {@link #acls}. */
    static String strimziUsers() {
        StringBuilder yaml = new StringBuilder("""
                # GENERATED from the contracts' registry (contracts/.../Topics.java) by TopicFilesTest: do not edit.
                # One KafkaUser per Patronage service: SCRAM-SHA-512 credentials that the Strimzi User Operator puts
                # in a Secret of the same name (keys "password" and "sasl.jaas.config"), and ACLs for exactly the
                # topics and groups the registry says the service uses:
                #   a topic it writes        Write, Describe, and Read (publication recovery reads back what it sent)
                #   a topic it reads         Read, Describe; and Write, Describe on its dead-letter topic <name>.dlq
                #   its consumer groups      Read, Describe on groups named <service>... (prefix)
                #   Kafka Streams services   (exactly_once_v2) their application id, transactional ids and internal
                #                            topics, all named <service>... (prefix)
                # To change them, change the registry (producers, readBy, KAFKA_STREAMS) and run:
                #   ./mvnw -B test -pl contracts -Dtest=TopicFilesTest -Dpatronage.regenerate=true
                """);
        for (String service : Topics.SERVICES) {
            yaml.append("---\n# ").append(service).append(": writes ").append(names(Topics.publishedBy(service)))
                    .append("; reads ").append(names(Topics.consumedBy(service))).append('\n').append("""
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaUser
                    metadata:
                      name: %s
                      labels:
                        strimzi.io/cluster: patronage
                    spec:
                      authentication:
                        type: scram-sha-512
                      authorization:
                        type: simple
                        acls:
                    """.formatted(service));
            for (Acl acl : acls(service)) {
                yaml.append("""
                              - resource:
                                  type: %s
                                  name: %s
                                  patternType: %s
                                operations: [%s]
                        """.formatted(acl.type(), acl.name(), acl.patternType(), String.join(", ", acl.operations())));
            }
        }
        return yaml.toString();
    }

    /** deploy/compose/kafka-acls.txt: the same ACLs for the compose broker, one per line. */
    static String composeAcls() {
        return """
                # GENERATED from the contracts' registry by TopicFilesTest: do not edit (see kubernetes/kafka/users.yaml).
                # The ACLs docker-compose.yml grants: <user> <resource type> <pattern type> <name> <operation>,...
                """ + Topics.SERVICES.stream().flatMap(service -> acls(service).stream()
                        .map(acl -> service + " " + acl.type() + " " + acl.patternType() + " " + acl.name() + " "
                                + String.join(",", acl.operations()) + "\n"))
                .collect(Collectors.joining());
    }

    /** One ACL of a service's Kafka user: Strimzi's resource type and pattern type, Kafka's operation names. */
    record Acl(String type, String name, String patternType, List<String> operations) {
    }

    /** What a service's Kafka user may do, derived from the registry: nothing it does not use. */
    static List<Acl> acls(String service) {
        Map<String, java.util.Set<String>> topics = new java.util.LinkedHashMap<>();
        for (Topic topic : Topics.publishedBy(service)) {
            topics.computeIfAbsent(topic.name(), name -> new java.util.TreeSet<>())
                    .addAll(List.of("Describe", "Read", "Write"));
        }
        for (Topic topic : Topics.consumedBy(service)) {
            topics.computeIfAbsent(topic.name(), name -> new java.util.TreeSet<>()).addAll(List.of("Describe", "Read"));
            topics.computeIfAbsent(topic.deadLetterTopic(), name -> new java.util.TreeSet<>())
                    .addAll(List.of("Describe", "Write"));
        }
        List<Acl> acls = new java.util.ArrayList<>();
        topics.forEach((name, operations) -> acls.add(new Acl("topic", name, "literal", List.copyOf(operations))));
        acls.add(new Acl("group", service, "prefix", List.of("Describe", "Read")));
        if (Topics.KAFKA_STREAMS.contains(service)) {
            acls.add(new Acl("topic", service, "prefix",
                    List.of("Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write")));
            acls.add(new Acl("transactionalId", service, "prefix", List.of("Describe", "Write")));
        }
        return acls;
    }

    private static String names(List<Topic> topics) {
        return topics.isEmpty() ? "nothing" : topics.stream().map(Topic::name).collect(Collectors.joining(", "));
    }

    record Settings(String name, int partitions, String cleanupPolicy, long retentionMs, String comment) {
    }

    /** Every topic, then every dead-letter topic, as Kafka is to have them. */
    static List<Settings> settings() {
        Stream<Settings> topics = Topics.ALL.stream().map(topic -> new Settings(topic.name(), topic.partitions(),
                topic.compacted() ? "compact" : "delete", topic.retention() == null ? -1 : topic.retention().toMillis(),
                (topic.reserved() ? "reserved" : topic.payloads().stream().map(Class::getSimpleName)
                        .collect(Collectors.joining(", "))) + " from " + topic.writtenBy() + "; keyed by " + topic.key()
                        + (topic.compacted() ? ", latest value per key" : "")));
        Stream<Settings> deadLetters = Topics.ALL.stream().map(topic -> new Settings(topic.deadLetterTopic(),
                topic.partitions(), "delete", DEAD_LETTER_RETENTION.toMillis(),
                "dead letters of " + topic.name() + ": records that could not be processed, with the error in a header"));
        return Stream.concat(topics, deadLetters).toList();
    }
}

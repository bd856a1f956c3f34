package io.patronage.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in files rendered from the registry ({@link TopicFiles}) are up to date. With
 * {@code -Dpatronage.regenerate=true} it writes them instead:
 * {@code ./mvnw -B test -pl contracts -Dtest=TopicFilesTest -Dpatronage.regenerate=true}.
 */
class TopicFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("..").normalize();
    private static final boolean REGENERATE = Boolean.getBoolean("patronage.regenerate");

    @Test
    void theStrimziKafkaTopicsAreTheRegistrys() throws IOException {
        check("deploy/kubernetes/kafka/topics.yaml", TopicFiles.strimziTopics());
    }

    @Test
    void theComposeTopicListIsTheRegistrys() throws IOException {
        check("deploy/compose/topics.txt", TopicFiles.composeTopics());
    }

    @Test
    void theStrimziKafkaUsersAreTheRegistrys() throws IOException {
        check("deploy/kubernetes/kafka/users.yaml", TopicFiles.strimziUsers());
    }

    @Test
    void theComposeKafkaAclsAreTheRegistrys() throws IOException {
        check("deploy/compose/kafka-acls.txt", TopicFiles.composeAcls());
    }

    /** Least privilege: a service's user reaches exactly the topics the registry says it writes or reads. */
    @Test
    void eachServiceMayUseOnlyTheTopicsTheRegistryGivesIt() {
        List<TopicFiles.Acl> rewards = TopicFiles.acls("rewards-service");
        assertEquals(List.of(
                new TopicFiles.Acl("topic", "loyalty.points-requests.v1", "literal", List.of("Describe", "Read", "Write")),
                new TopicFiles.Acl("topic", "loyalty.rewards.v1", "literal", List.of("Describe", "Read", "Write")),
                new TopicFiles.Acl("topic", "loyalty.notifications.v1", "literal", List.of("Describe", "Read", "Write")),
                new TopicFiles.Acl("topic", "loyalty.audit.v1", "literal", List.of("Describe", "Read", "Write")),
                new TopicFiles.Acl("topic", "retail.transactions.v1", "literal", List.of("Describe", "Read")),
                new TopicFiles.Acl("topic", "retail.transactions.v1.dlq", "literal", List.of("Describe", "Write")),
                new TopicFiles.Acl("topic", "loyalty.members.v1", "literal", List.of("Describe", "Read")),
                new TopicFiles.Acl("topic", "loyalty.members.v1.dlq", "literal", List.of("Describe", "Write")),
                new TopicFiles.Acl("topic", "loyalty.chains.v1", "literal", List.of("Describe", "Read")),
                new TopicFiles.Acl("topic", "loyalty.chains.v1.dlq", "literal", List.of("Describe", "Write")),
                new TopicFiles.Acl("topic", "loyalty.points.v1", "literal", List.of("Describe", "Read")),
                new TopicFiles.Acl("topic", "loyalty.points.v1.dlq", "literal", List.of("Describe", "Write")),
                new TopicFiles.Acl("topic", "loyalty.analytics.dormant.v1", "literal", List.of("Describe", "Read")),
                new TopicFiles.Acl("topic", "loyalty.analytics.dormant.v1.dlq", "literal", List.of("Describe", "Write")),
                new TopicFiles.Acl("group", "rewards-service", "prefix", List.of("Describe", "Read"))), rewards);
        for (String service : Topics.SERVICES) {
            List<TopicFiles.Acl> acls = TopicFiles.acls(service);
            assertTrue(acls.stream().noneMatch(acl -> acl.name().equals("retail.transactions.v1")
                    && acl.operations().contains("Write")), service + " never writes the tills' topic");
            assertTrue(acls.stream().noneMatch(acl -> acl.patternType().equals("prefix") && acl.type().equals("topic")
                    && !Topics.KAFKA_STREAMS.contains(service)), service + " has no topic prefix");
            assertTrue(acls.stream().allMatch(acl -> !acl.patternType().equals("prefix") || acl.name().equals(service)),
                    service + "'s prefixes are its own name");
        }
        assertTrue(TopicFiles.acls("analytics-service").contains(new TopicFiles.Acl("transactionalId",
                "analytics-service", "prefix", List.of("Describe", "Write"))));
    }

    @Test
    void theReadmeTopicTableIsTheRegistrys() throws IOException {
        Path file = ROOT.resolve("README.md");
        String readme = Files.readString(file);
        int start = readme.indexOf(TopicFiles.README_START);
        int end = readme.indexOf(TopicFiles.README_END);
        assertTrue(start >= 0 && end > start, "README.md marks its topic table with " + TopicFiles.README_START
                + " and " + TopicFiles.README_END);
        String table = readme.substring(start, end + TopicFiles.README_END.length());
        if (REGENERATE) {
            Files.writeString(file, readme.replace(table, TopicFiles.readmeTable()));
        } else {
            assertEquals(TopicFiles.readmeTable(), table, stale("README.md's topic table"));
        }
    }

    /** A KafkaTopic declared elsewhere would escape the generation. */
    @Test
    void kafkaTopicsAreDeclaredOnlyInTheGeneratedFile() throws IOException {
        assertEquals(List.of(), declaring("KafkaTopic", "deploy/kubernetes/kafka/topics.yaml"),
                "KafkaTopics belong in deploy/kubernetes/kafka/topics.yaml only");
    }

    /** So would a KafkaUser, with ACLs nobody derived from the registry. */
    @Test
    void kafkaUsersAreDeclaredOnlyInTheGeneratedFile() throws IOException {
        assertEquals(List.of(), declaring("KafkaUser", "deploy/kubernetes/kafka/users.yaml"),
                "KafkaUsers belong in deploy/kubernetes/kafka/users.yaml only");
    }

    private static List<Path> declaring(String kind, String generatedFile) throws IOException {
        Path generated = ROOT.resolve(generatedFile);
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/kubernetes"))) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml"))
                    .filter(file -> !file.equals(generated))
                    .filter(file -> read(file).lines().anyMatch(line -> line.matches("kind:\\s*" + kind + "\\s*")))
                    .toList();
        }
    }

    /** The rendering covers every registry topic and its dead letters once, with the registry's settings. */
    @Test
    void everyTopicAndItsDeadLetterTopicIsRenderedOnce() {
        List<TopicFiles.Settings> settings = TopicFiles.settings();
        assertEquals(2 * Topics.ALL.size(), settings.stream().map(TopicFiles.Settings::name).distinct().count());
        TopicFiles.Settings points = settings.stream().filter(s -> s.name().equals("loyalty.points.v1")).findFirst()
                .orElseThrow();
        assertEquals(new TopicFiles.Settings("loyalty.points.v1", 12, "delete", -1, points.comment()), points);
        assertTrue(settings.contains(new TopicFiles.Settings("loyalty.chains.v1.dlq", 1, "delete", 2_592_000_000L,
                "dead letters of loyalty.chains.v1: records that could not be processed, with the error in a header")));
        assertTrue(settings.stream().anyMatch(s -> s.name().equals("loyalty.analytics.participation.v1")
                && s.cleanupPolicy().equals("compact")));
        for (String view : List.of("loyalty.analytics.customers.v1", "loyalty.analytics.baskets.v1",
                "loyalty.analytics.coupons.v1")) {
            assertTrue(settings.stream().anyMatch(s -> s.name().equals(view) && s.cleanupPolicy().equals("compact")
                    && s.partitions() == 3), view);
        }
        assertTrue(settings.stream().anyMatch(s -> s.name().equals("loyalty.notifications.v1")
                && s.retentionMs() == 604_800_000L));
    }

    private static void check(String relative, String expected) throws IOException {
        Path file = ROOT.resolve(relative);
        if (REGENERATE) {
            Files.writeString(file, expected);
        } else {
            assertEquals(expected, Files.exists(file) ? Files.readString(file) : "", stale(relative));
        }
    }

    private static String stale(String what) {
        return what + " is not what the registry (contracts/.../Topics.java) renders: regenerate it with"
                + " ./mvnw -B test -pl contracts -Dtest=TopicFilesTest -Dpatronage.regenerate=true";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

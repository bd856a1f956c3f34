package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.infra.EmbeddedKafka;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TillRecord;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * points-service on a broker secured as in production: it logs in with SCRAM-SHA-512 as its own user, whose only
 * rights are the ACLs generated from the topic registry (deploy/compose/kafka-acls.txt, the same as the
 * KafkaUser of deploy/kubernetes/kafka/users.yaml), and the topics exist beforehand (it may not create any). If
 * the registry forgot a topic, a group or a dead-letter topic the service uses, this fails.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaIT implements TestPropertyProvider {

    private static final String SERVICE = "points-service";
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String PASSWORD = "points-" + UUID.randomUUID();

    private EmbeddedKafka broker;
    private KafkaProbe kafka;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        broker = EmbeddedKafka.startTemporarySecured(ADMIN_PASSWORD);
        try (Admin admin = Admin.create(admin())) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic topic : Topics.ALL) {
                topics.add(new NewTopic(topic.name(), 1, (short) 1));
                topics.add(new NewTopic(topic.deadLetterTopic(), 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SERVICE,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all().get();
            admin.createAcls(generatedAcls(SERVICE)).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the secured broker", e);
        }
        awaitServiceCredentials();
        kafka = new KafkaProbe(broker.bootstrapServers(), admin());
        Map<String, String> properties = new HashMap<>(TestInfrastructure.serviceProperties("points-secured-it", Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", scram(SERVICE, PASSWORD),
                "patronage.kafka.provision-topics", "false")));
        return properties;
    }

    @AfterAll
    void stopBroker() {
        kafka.close();
        broker.close();
    }

    @Test
    void earnsDeadLettersAndStaysReadyWithOnlyTheRightsTheRegistryGivesIt() throws Exception {
        String chain = kafka.configureChain("secured-" + UUID.randomUUID().toString().substring(0, 8), "EUR");
        String member = "m-" + UUID.randomUUID();
        String card = "C-" + UUID.randomUUID();
        kafka.send(new MemberEnrolled(member, chain, card, null, "en", Instant.now()));
        HttpProbe http = new HttpProbe(() -> server.getPort()).as(TestTokens.ops(chain));
        await().atMost(KafkaProbe.PATIENCE).until(() -> http.get("/members/" + member + "/points").statusCode() == 200);
        kafka.sendTransaction(card, TillRecord.purchase(chain, card, "T-" + UUID.randomUUID(), "12.00").json());

        JsonNode earned = Records.json(kafka.awaitRecord(Topics.POINTS.name(),
                Records.event(member, "io.patronage.PointsEarned", body -> true)));
        assertEquals(12, earned.get("points").asLong());

        kafka.sendTransaction("bad", "{not json");
        kafka.awaitDeadLetter(Topics.TRANSACTIONS, record -> "bad".equals(record.key()));

        assertEquals(200, http.get("/health/readiness").statusCode(), http.get("/health/readiness").body());
    }

    @Test
    void itsUserCannotReadWhatTheRegistryDoesNotGiveIt() {
        Map<String, Object> config = new HashMap<>(service());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, SERVICE + ".snooping");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REWARDS.name()));
            assertThrows(TopicAuthorizationException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    /** The ACLs of deploy/compose/kafka-acls.txt for one user, as compose/kafka-setup.sh grants them. */
    private static List<AclBinding> generatedAcls(String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("..", "deploy", "compose", "kafka-acls.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AclBinding> acls = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (line.startsWith("#") || line.isBlank() || !fields[0].equals(user)) {
                continue;
            }
            ResourceType type = switch (fields[1]) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new IllegalArgumentException(line);
            };
            PatternType pattern = fields[2].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL;
            for (String operation : fields[4].split(",")) {
                acls.add(new AclBinding(new ResourcePattern(type, fields[3], pattern), new AccessControlEntry(
                        "User:" + user, "*", AclOperation.fromString(operation.toUpperCase(Locale.ROOT)),
                        AclPermissionType.ALLOW)));
            }
        }
        return acls;
    }

    /**
     * The broker learns a new SCRAM credential from the metadata log a moment after the admin call returns; a service
     * connecting before that is refused (seen on a loaded machine), so wait until the service's own client gets in.
     */
    private void awaitServiceCredentials() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            try (Admin service = Admin.create(service())) {
                return service.describeCluster().clusterId().get(5, TimeUnit.SECONDS) != null;
            }
        });
    }

    private Map<String, Object> admin() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"admin\" password=\"" + ADMIN_PASSWORD + "\";");
    }

    private Map<String, Object> service() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512",
                SaslConfigs.SASL_JAAS_CONFIG, scram(SERVICE, PASSWORD));
    }

    private static String scram(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}

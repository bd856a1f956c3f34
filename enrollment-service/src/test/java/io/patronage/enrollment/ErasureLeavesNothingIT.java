package io.patronage.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.enrollment.member.EraseMember;
import io.patronage.enrollment.publishing.MemberEventPublisher;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.patronage.testsupport.HttpProbe.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an erasure, none of the member's personal data is left in clear anywhere this service writes: every
 * document of every collection of its database, every record of the topics it writes (and their dead letters),
 * and the mailbox. Only pseudonymous ids remain (member id, card number, referral code) and, on
 * {@code loyalty.members.v1}, the birthday's month and day and the locale.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureLeavesNothingIT implements TestPropertyProvider {

    private final String chain = "chain-" + UUID.randomUUID();
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Path mailbox = Path.of("target", "mailbox-" + UUID.randomUUID());
    /** Ops of the test's chain: they enroll, look members up and act on members' behalf. */
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops(chain));
    private final KafkaProbe kafka = new KafkaProbe();

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Inject
    CommandGateway commands;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("enrollment-erasure-it", Map.of(
                "patronage.enrollment.chains." + chain + ".enrollment", "open",
                "patronage.enrollment.chains." + chain + ".currency", "EUR",
                "patronage.enrollment.chains." + chain + ".point-value", "0.01",
                "patronage.mail.mailbox-dir", mailbox.toString()));
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void anErasedMembersPersonalDataIsInNoCollectionTopicOrMailboxFile() throws Exception {
        List<String> personal = List.of("Zenobia" + tag, "Quixley" + tag, "zq." + tag + "@erasure.example",
                "new." + tag + "@erasure.example", "+3069" + digits(8), "+3069" + digits(8).replace('0', '7'),
                "1961-07-23", "Xylokastrou " + tag, "Kalavryta" + tag);
        String member = enroll(personal, "");
        JsonNode enrolled = json(service.get("/members/" + member));
        assertEquals(personal.get(0), enrolled.get("firstName").asText());
        String card = enrolled.get("cardNumber").asText();
        awaitMailboxFile(member);
        HttpResponse<String> changed = service.put("/members/" + member + "/contact", """
                {"email": "%s", "phone": "%s", "address": {"street": "%s", "city": "%s", "country": "GR"}}"""
                .formatted(personal.get(3), personal.get(5), personal.get(7), personal.get(8)));
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(everything().stream().anyMatch(text -> text.contains(personal.get(0).toLowerCase(Locale.ROOT))),
                "the scan sees the profile while the member is live");

        // An erasure interrupted after its first step, as a crash would leave it, then retried.
        List<String> interrupted = List.of("Yolanthe" + tag, "Vexworth" + tag, "yv." + tag + "@erasure.example");
        String second = enroll(interrupted, "");
        awaitMailboxFile(second);
        commands.sendAndWait(new EraseMember(second, Instant.now()));

        assertEquals(204, service.delete("/members/" + member).statusCode());
        assertEquals(204, service.delete("/members/" + second).statusCode());

        List<String> everything = everything();
        for (String value : Stream.concat(personal.stream(), interrupted.stream()).toList()) {
            String needle = value.toLowerCase(Locale.ROOT);
            List<String> found = everything.stream().filter(text -> text.contains(needle)).toList();
            assertEquals(List.of(), found, value + " survives the erasure");
        }
        assertTrue(everything.stream().anyMatch(text -> text.contains(card)),
                "the card number, a pseudonymous id, is still there (the scan reads what it should)");
        assertFalse(Files.exists(mailbox.resolve(member)), "the member's mailbox directory is gone");
    }

    /** Every document, every record on the topics this service writes, every mailbox file, in lower case. */
    private List<String> everything() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                texts.add(name + " " + document.toJson().toLowerCase(Locale.ROOT));
            }
        }
        for (Topic topic : List.of(Topics.MEMBERS, Topics.NOTIFICATIONS)) {
            texts.addAll(records(topic.name()));
            texts.addAll(records(topic.deadLetterTopic()));
        }
        if (Files.isDirectory(mailbox)) {
            try (Stream<Path> files = Files.walk(mailbox)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    texts.add(file + " " + Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
                }
            }
        }
        return texts;
    }

    /** The whole topic from its beginning to its current end, aborted transactions too: keys, values and headers. */
    private List<String> records(String topic) {
        List<String> texts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : kafka.everyRecordInTheLog(topic)) {
            StringBuilder text = new StringBuilder(topic).append(' ').append(record.key() == null ? "" : record.key())
                    .append(' ').append(string(record.value()));
            for (Header header : record.headers()) {
                text.append(' ').append(header.key()).append('=').append(string(header.value()));
            }
            texts.add(text.toString().toLowerCase(Locale.ROOT));
        }
        return texts;
    }

    private String enroll(List<String> values, String extra) throws Exception {
        String body = values.size() > 3
                ? """
                {"chainId": "%s", "firstName": "%s", "lastName": "%s", "email": "%s", "phone": "%s",
                 "birthDate": "%s", "locale": "el-GR", "consents": {"terms": true, "marketingEmail": true},
                 "address": {"street": "%s", "postalCode": "25001", "city": "%s", "country": "GR"} %s}"""
                .formatted(chain, values.get(0), values.get(1), values.get(2), values.get(4), values.get(6),
                        values.get(7), values.get(8), extra)
                : """
                {"chainId": "%s", "firstName": "%s", "lastName": "%s", "email": "%s" %s}"""
                .formatted(chain, values.get(0), values.get(1), values.get(2), extra);
        HttpResponse<String> response = service.post("/members", body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("memberId").asText();
    }

    private void awaitMailboxFile(String member) {
        Path welcome = mailbox.resolve(member).resolve(MemberEventPublisher.welcomeNotificationId(member) + ".eml");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(welcome));
    }

    private static String digits(int count) {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, count);
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}

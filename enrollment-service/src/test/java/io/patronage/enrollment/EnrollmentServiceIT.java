package io.patronage.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.contracts.members.Luhn;
import io.patronage.enrollment.chains.ChainPublication;
import io.patronage.enrollment.identifiers.ClaimRegistry;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.ReadmeContract;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentServiceIT implements TestPropertyProvider {

    @Inject
    List<TopicListener> listeners;

    @Test
    void readmeDocumentsEveryTopicTheServiceConsumesAndPublishes() throws Exception {
        ReadmeContract.assertDocumentsTopics("enrollment-service", listeners.stream().flatMap(listener -> listener.topics().stream()).toList());
    }

    private final String chain = "chain-" + UUID.randomUUID();
    /** Ops of the test's chain: they enroll, look members up and act on members' behalf. */
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops(chain));
    private final KafkaProbe kafka = new KafkaProbe();
    private TopicReader membersTopic;

    @Inject
    EmbeddedServer server;

    @Inject
    EventStore eventStore;

    @Inject
    MongoDatabase database;

    @Inject
    Clock clock;

    @Inject
    ChainDirectory chains;

    @Inject
    ChainPublication chainPublication;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("enrollment-it", Map.of(
                "patronage.enrollment.chains." + chain + ".enrollment", "open",
                "patronage.enrollment.chains." + chain + ".currency", "EUR",
                "patronage.enrollment.chains." + chain + ".point-value", "0.01",
                "patronage.mail.mailbox-dir", "target/mailbox-" + UUID.randomUUID()));
    }

    @BeforeAll
    void followTheMembersTopic() {
        membersTopic = kafka.follow(Topics.MEMBERS);
    }

    /** Every record on loyalty.chains.v1 for the chain, read from the beginning to the end. */
    private List<ConsumerRecord<String, byte[]>> chainRecords(String chainId) {
        return kafka.records(Topics.CHAINS.name(), Records.keyed(chainId));
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void publishesTheConfiguredChainsOnceForEveryServiceAndNotAgainWhenNothingChanged() {
        ChainConfigured mine = chains.find(chain).orElseThrow();
        assertEquals("EUR", mine.currency());
        assertEquals(TillLimits.DEFAULTS, mine.tillLimits());
        ChainConfigured aegean = chains.find("aegean-market-gr").orElseThrow();
        assertEquals("EUR", aegean.currency());
        assertEquals("Europe/Athens", aegean.timeZone());
        assertEquals(0, new BigDecimal("100000").compareTo(aegean.tillLimits().maxTotal()));
        assertEquals("IRR", chains.find("khorshid-ir").orElseThrow().currency());
        assertEquals("MYR", chains.find("bintang-my").orElseThrow().currency());

        chainPublication.publish();

        assertEquals(1, chainRecords(chain).size(), "a restart with the same configuration publishes nothing");
    }

    @Test
    void enrollsAMemberShowsTheProfileAndPublishesMemberEnrolledWithoutContactDetails() throws Exception {
        HttpResponse<String> created = service.post("/members", """
                {"chainId": "%s", "firstName": "Αικατερίνη", "lastName": "Παπαδοπούλου",
                 "email": "katerina@example.gr", "phone": "+302101234567", "birthDate": "1988-04-12", "locale": "el-gr"}
                """.formatted(chain));

        assertEquals(201, created.statusCode(), created.body());
        JsonNode enrolled = json(created);
        String memberId = enrolled.get("memberId").asText();
        String cardNumber = enrolled.get("cardNumber").asText();
        assertEquals("/members/" + memberId, created.headers().firstValue("location").orElseThrow());
        assertTrue(cardNumber.matches("9[0-9]{15}") && Luhn.isValid(cardNumber), cardNumber);

        JsonNode profile = json(service.get("/members/" + memberId));
        assertEquals(memberId, profile.get("memberId").asText());
        assertEquals(chain, profile.get("chainId").asText());
        assertEquals(cardNumber, profile.get("cardNumber").asText());
        assertEquals("Αικατερίνη", profile.get("firstName").asText());
        assertEquals("Παπαδοπούλου", profile.get("lastName").asText());
        assertEquals("katerina@example.gr", profile.get("email").asText());
        assertEquals("+302101234567", profile.get("phone").asText());
        assertEquals("1988-04-12", profile.get("birthDate").asText());
        assertEquals("el-GR", profile.get("locale").asText());
        assertEquals("ACTIVE", profile.get("status").asText());
        assertTrue(profile.get("referralCode").asText().matches("[2-9A-HJKMNP-TV-Z]{8}"), profile.toString());
        Instant enrolledAt = Instant.parse(profile.get("enrolledAt").asText());

        JsonNode byCard = json(service.get("/members?cardNumber=" + cardNumber)).get("members");
        assertEquals(1, byCard.size());
        assertEquals(memberId, byCard.get(0).get("memberId").asText());

        ConsumerRecord<String, byte[]> record = awaitPublished(memberId);
        String domainEventId = eventStore.readEvents(memberId).next().getIdentifier();
        assertEquals(domainEventId, header(record, CloudEventHeaders.ID), "ce_id is the domain event's id");
        assertEquals("io.patronage.MemberEnrolled", header(record, CloudEventHeaders.TYPE));
        assertEquals("/patronage/enrollment-service", header(record, CloudEventHeaders.SOURCE));
        assertEquals(enrolledAt, Instant.parse(header(record, CloudEventHeaders.TIME)));
        assertEquals(memberId, header(record, CloudEventHeaders.SUBJECT));
        JsonNode event = Json.mapper().readTree(record.value());
        assertEquals(memberId, event.get("memberId").asText());
        assertEquals(chain, event.get("chainId").asText());
        assertEquals(cardNumber, event.get("cardNumber").asText());
        assertEquals("--04-12", event.get("birthday").asText(), "the birthday without the year");
        assertFalse(event.has("birthDate"), "the birth date stays in enrollment-service");
        assertEquals("el-GR", event.get("locale").asText());
        assertEquals(enrolledAt, Instant.parse(event.get("enrolledAt").asText()));
        for (String personal : List.of("katerina@example.gr", "Αικατερίνη", "Παπαδοπούλου", "+302101234567")) {
            assertFalse(Records.text(record).contains(personal), "no personal data on Kafka: " + Records.text(record));
        }
        assertFalse(event.has("email"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "زهرا | کاظمی\u200Cنژاد | fa-IR",
            "Siti Nur'aini | binti Abdul Rahman | ms-MY",
            "Väinö | Äärelä | fi-FI",
            "Ștefan | Țăranu | ro-RO"})
    void namesInEveryScriptRoundTripExactly(String firstName, String lastName, String locale) throws Exception {
        HttpResponse<String> created = service.post("/members", """
                {"chainId": "%s", "firstName": "%s", "lastName": "%s", "email": "%s@example.com", "locale": "%s"}
                """.formatted(chain, firstName, lastName, UUID.randomUUID(), locale));
        assertEquals(201, created.statusCode(), created.body());

        JsonNode profile = json(service.get(created.headers().firstValue("location").orElseThrow()));

        assertEquals(firstName, profile.get("firstName").asText());
        assertEquals(lastName, profile.get("lastName").asText());
        assertEquals(locale, profile.get("locale").asText());
        assertTrue(profile.get("phone").isNull());
        assertTrue(profile.get("birthDate").isNull());
    }

    @Test
    void defaultsTheLocaleWhenNoneIsGiven() throws Exception {
        HttpResponse<String> created = service.post("/members", """
                {"chainId": "%s", "firstName": "Ana", "lastName": "Pop", "email": "ana@example.ro"}
                """.formatted(chain));

        assertEquals("en", json(service.get(created.headers().firstValue("location").orElseThrow())).get("locale").asText());
    }

    @Test
    void rejectsAnInvalidEnrollmentWithAProblemPerField() throws Exception {
        String tomorrow = LocalDate.now(clock).plusDays(2).toString();
        HttpResponse<String> response = service.post("/members", """
                {"firstName": "Ana", "lastName": "Pop", "email": "ana.example.ro", "birthDate": "%s"}
                """.formatted(tomorrow));

        assertProblem(response, 400, "urn:patronage:problem:invalid-request");
        Map<String, String> errors = new HashMap<>();
        json(response).get("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        assertEquals(Map.of("chainId", "is required",
                "email", "must be an email address such as name@example.com",
                "birthDate", "must be in the past"), errors);
    }

    @Test
    void rejectsMalformedJsonAndOversizePayloads() throws Exception {
        assertProblem(service.post("/members", "{\"chainId\": \"" + chain + "\", \"firstName\": "), 400,
                "urn:patronage:problem:invalid-request");
        String oversize = "{\"chainId\":\"" + chain + "\",\"firstName\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(service.post("/members", oversize), 413, "urn:patronage:problem:payload-too-large");
    }

    @Test
    void answersUnknownMembersAndCardsPlainly() throws Exception {
        HttpResponse<String> unknown = service.get("/members/" + UUID.randomUUID());
        assertProblem(unknown, 404, "urn:patronage:problem:not-found");

        HttpResponse<String> unknownCard = service.get("/members?cardNumber=9000000000000001");
        assertEquals(200, unknownCard.statusCode());
        assertEquals(0, json(unknownCard).get("members").size());
    }

    @Test
    void aTakenValueIsSkippedAndTheNextFreeOneClaimed() {
        ClaimRegistry registry = new ClaimRegistry(database, "claims-" + UUID.randomUUID(), clock);
        Iterator<String> candidates = List.of("A", "A", "B").iterator();

        assertEquals("A", registry.claimFree(candidates::next, "member-1", chain));
        assertEquals("B", registry.claimFree(candidates::next, "member-2", chain));
        assertEquals("member-1", registry.holder("A").orElseThrow());
        assertEquals("member-2", registry.holder("B").orElseThrow());
        assertThrows(IllegalStateException.class, () -> registry.claimFree(() -> "A", "member-3", chain));
    }

    private ConsumerRecord<String, byte[]> awaitPublished(String memberId) {
        List<ConsumerRecord<String, byte[]>> mine = membersTopic.awaitAtLeast(1, Records.keyed(memberId));
        assertEquals(1, mine.size(), "published once");
        return mine.get(0);
    }
}

package io.patronage.enrollment.chains;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.enrollment.EnrollmentInstance;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chains created and changed at runtime through the admin API, applied at once, kept over a restart. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainsIT implements TestPropertyProvider {

    private final HttpProbe http = new HttpProbe(() -> this.server.getPort());
    /** Chains are an admin's. */
    private final HttpProbe service = http.as(TestTokens.admin());
    private final KafkaProbe kafka = new KafkaProbe();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("enrollment-chains-it",
                Map.of("patronage.mail.mailbox-dir", "target/mailbox-" + UUID.randomUUID()));
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aChainCreatedAtRuntimeEnrollsMembersAtOnceAndItsChangesApplyWithoutRestart() {
        String chain = "runtime-" + UUID.randomUUID();
        HttpResponse<String> created = service.put("/chains/" + chain, """
                {"currency": "EUR", "timeZone": "Europe/Athens", "defaultLocale": "el-gr", "pointValue": "0.01",
                 "enrollmentPolicy": {"mode": "open", "requiredConsents": ["terms"]},
                 "tillLimits": {"maxTotal": "5000", "maxClockSkew": "PT5M"}}""");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/chains/" + chain, created.headers().firstValue("location").orElseThrow());
        JsonNode body = json(created);
        assertEquals(chain, body.get("chainId").asText());
        assertEquals("el-GR", body.get("defaultLocale").asText());
        assertEquals("0.01", body.get("pointValue").asText());
        assertEquals("OPEN", body.get("enrollmentPolicy").get("mode").asText());
        assertEquals("PT5M", body.get("tillLimits").get("maxClockSkew").asText());
        assertEquals(body, json(service.get("/chains/" + chain)));
        assertTrue(StreamSupport.stream(json(service.get("/chains")).get("chains").spliterator(), false)
                .anyMatch(listed -> listed.get("chainId").asText().equals(chain)));

        ConsumerRecord<String, byte[]> record = single(chain);
        assertEquals("io.patronage.ChainConfigured", Records.type(record));
        JsonNode published = Records.json(record);
        assertTrue(published.get("pointValue").isTextual(), "a decimal string, never a double: " + published);
        assertEquals("0.01", published.get("pointValue").asText());
        assertEquals(List.of("TERMS"), List.of(published.get("enrollmentPolicy").get("requiredConsents").get(0).asText()));

        // enrolls at once, under the chain's policy
        assertProblem(enroll(chain, "16", false), 422, "urn:patronage:problem:enrollment-not-allowed");
        assertEquals(201, enroll(chain, "16", true).statusCode());

        // a stricter minimum age applies to the very next enrollment
        HttpResponse<String> updated = service.put("/chains/" + chain, """
                {"currency": "EUR", "timeZone": "Europe/Athens", "defaultLocale": "el-GR", "pointValue": "0.010",
                 "enrollmentPolicy": {"mode": "OPEN", "minimumAge": 18, "requiredConsents": ["TERMS"]},
                 "tillLimits": {"maxTotal": 5000, "maxClockSkew": "PT5M"}}""");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(18, json(updated).get("enrollmentPolicy").get("minimumAge").asInt());
        JsonNode tooYoung = assertProblem(enroll(chain, "16", true), 422, "urn:patronage:problem:enrollment-not-allowed");
        assertEquals("birthDate", tooYoung.get("errors").get(0).get("field").asText());
        assertEquals(201, enroll(chain, "30", true).statusCode());
        assertEquals(2, kafka.records(Topics.CHAINS.name(), Records.keyed(chain)).size());

        // audited: created with the chain, updated with what changed
        JsonNode audit = json(service.get("/audit?chainId=" + chain)).get("records");
        assertEquals(List.of("chain.created", "chain.updated"),
                StreamSupport.stream(audit.spliterator(), false).map(entry -> entry.get("action").asText()).toList());
        assertEquals("admin-1", audit.get(1).get("actor").asText());
        JsonNode changes = audit.get(1).get("details").get("changes");
        assertEquals(0, changes.get("enrollmentPolicy.minimumAge").get("from").asInt(), audit.toString());
        assertEquals(18, changes.get("enrollmentPolicy.minimumAge").get("to").asInt(), audit.toString());
        assertEquals(List.of("enrollmentPolicy.minimumAge"), List.copyOf(iterable(changes.fieldNames())),
                "nothing else changed: 0.010 is 0.01, 5000 is \"5000\", el-GR is el-gr canonical");

        // the same configuration again changes nothing and publishes nothing
        HttpResponse<String> again = service.put("/chains/" + chain, json(updated).toString());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(json(updated), json(again));
        assertEquals(2, kafka.records(Topics.CHAINS.name(), Records.keyed(chain)).size());

        // closed: no new members
        HttpResponse<String> closed = service.put("/chains/" + chain, """
                {"currency": "EUR", "timeZone": "Europe/Athens", "pointValue": "0.01", "enrollmentPolicy": {"mode": "CLOSED"}}""");
        assertEquals(200, closed.statusCode(), closed.body());
        JsonNode refused = assertProblem(enroll(chain, "30", true), 422, "urn:patronage:problem:enrollment-not-allowed");
        assertEquals("chainId", refused.get("errors").get(0).get("field").asText());
    }

    @Test
    void anInvalidChainIsRefusedWithEveryInvalidFieldAndNothingIsPublished() {
        String chain = "invalid-" + UUID.randomUUID();
        JsonNode problem = assertProblem(service.put("/chains/" + chain, """
                {"currency": "euro", "timeZone": "Europe/Atlantis", "defaultLocale": "english", "pointValue": 0.0000001,
                 "enrollmentPolicy": {"mode": "vip", "minimumAge": -1},
                 "tillLimits": {"maxLines": 0, "maxAge": "a year"}}"""), 400, "urn:patronage:problem:invalid-request");

        assertEquals(List.of("currency", "timeZone", "defaultLocale", "pointValue", "enrollmentPolicy.mode",
                        "enrollmentPolicy.minimumAge", "tillLimits.maxLines", "tillLimits.maxAge"),
                StreamSupport.stream(problem.get("errors").spliterator(), false)
                        .map(error -> error.get("field").asText()).toList());
        assertProblem(service.get("/chains/" + chain), 404, "urn:patronage:problem:unknown-chain");

        JsonNode badId = assertProblem(service.put("/chains/Not_A_Chain", """
                {"currency": "EUR", "timeZone": "Europe/Athens", "pointValue": "0.01"}"""), 400, "urn:patronage:problem:invalid-request");
        assertEquals("chainId", badId.get("errors").get(0).get("field").asText());
        assertProblem(service.put("/chains/" + chain, "{\"currency\": "), 400);
        assertProblem(service.put("/chains/" + chain, """
                {"currency": "EUR", "timeZone": "Europe/Athens", "pointValue": "0.01", "enrollmentPolicy": {"minimumAge": "old"}}"""),
                400);
        assertEquals(List.of(), kafka.records(Topics.CHAINS.name(), Records.keyed(chain)));
    }

    @Test
    void anUnknownChainIsNotFound() {
        JsonNode problem = assertProblem(service.get("/chains/nowhere-" + UUID.randomUUID()), 404, "urn:patronage:problem:unknown-chain");
        assertTrue(problem.get("detail").asText().startsWith("no chain nowhere-"), problem.toString());
    }

    @Test
    void whatTheApiChangedSurvivesARestartOverTheConfigurationsSeed() {
        String database = "enrollment-chains-restart-" + UUID.randomUUID();
        String chain = "seeded-" + UUID.randomUUID();
        Map<String, Object> seed = Map.of("patronage.enrollment.chains." + chain + ".minimum-age", "0",
                "patronage.enrollment.chains." + chain + ".time-zone", "Europe/Helsinki");
        try (EnrollmentInstance first = EnrollmentInstance.start(database, chain, seed)) {
            HttpProbe admin = first.http().as(TestTokens.admin());
            JsonNode seeded = json(admin.get("/chains/" + chain));
            assertEquals(0, seeded.get("enrollmentPolicy").get("minimumAge").asInt());
            assertEquals("Europe/Helsinki", seeded.get("timeZone").asText());
            HttpResponse<String> changed = admin.put("/chains/" + chain, """
                    {"currency": "EUR", "timeZone": "Europe/Helsinki", "pointValue": "0.02",
                     "enrollmentPolicy": {"minimumAge": 21}}""");
            assertEquals(200, changed.statusCode(), changed.body());
        }
        try (EnrollmentInstance second = EnrollmentInstance.start(database, chain, seed)) {
            JsonNode chainNow = json(second.http().as(TestTokens.admin()).get("/chains/" + chain));
            assertEquals(21, chainNow.get("enrollmentPolicy").get("minimumAge").asInt());
            assertEquals("0.02", chainNow.get("pointValue").asText());
            HttpResponse<String> nineteen = second.http().as(TestTokens.pos(chain)).post("/members", """
                    {"chainId": "%s", "firstName": "Aino", "lastName": "Virtanen", "email": "%s@example.fi",
                     "birthDate": "%s"}""".formatted(chain, UUID.randomUUID(), LocalDate.now().minusYears(19)));
            assertProblem(nineteen, 422, "urn:patronage:problem:enrollment-not-allowed");
        }
        assertEquals(2, kafka.records(Topics.CHAINS.name(), Records.keyed(chain)).size(),
                "the seed once, the API's change once; the restart published nothing");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    /** Through the chain's sign-up channel. */
    private HttpResponse<String> enroll(String chain, String age, boolean terms) {
        LocalDate birthDate = LocalDate.now().minusYears(Integer.parseInt(age)).minusDays(2);
        return http.as(TestTokens.pos(chain)).post("/members", """
                {"chainId": "%s", "firstName": "Ελένη", "lastName": "Παπαδοπούλου", "email": "%s@example.gr",
                 "birthDate": "%s", "consents": {"terms": %s}}""".formatted(chain, UUID.randomUUID(), birthDate, terms));
    }

    private ConsumerRecord<String, byte[]> single(String chain) {
        List<ConsumerRecord<String, byte[]>> records = kafka.records(Topics.CHAINS.name(), Records.keyed(chain));
        assertEquals(1, records.size());
        return records.get(0);
    }
}

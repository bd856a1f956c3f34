package io.patronage.kit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.infra.LocalTokens;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.patronage.testsupport.HttpProbe.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens, roles per chain, the audit log, rate limits and error bodies, as a client meets them over HTTP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT implements TestPropertyProvider {

    private final String chain = "kit-sec-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherChain = chain + "-other";
    private final HttpProbe anonymous = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("kit-security-it", Map.of(
                "patronage.http.rate-limit.per-second", "5",
                "patronage.http.rate-limit.burst", "20",
                "patronage.audit.republish-interval", "1s"));
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    @Test
    void refusesACallWithoutAValidTokenWith401ProblemJson(@TempDir Path otherKeys) {
        HttpResponse<String> none = anonymous.get("/secured/chains/" + chain);
        assertProblem(none, 401, "urn:patronage:problem:unauthorized");
        assertTrue(none.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"), none.headers().map().toString());

        String forged = LocalTokens.in(otherKeys).mint("ops-1", List.of("ops"), List.of(chain), Duration.ofHours(1));
        assertProblem(anonymous.as(forged).get("/secured/chains/" + chain), 401);
        String expired = TestTokens.token("ops-1", List.of("ops"), List.of(chain), Duration.ofMinutes(-5));
        assertProblem(anonymous.as(expired).get("/secured/chains/" + chain), 401);
        assertProblem(anonymous.as("not-a-jwt").get("/secured/chains/" + chain), 401);
    }

    @Test
    void letsATokenActOnlyForItsChainsAndRoles() {
        JsonNode answer = HttpProbe.json(anonymous.as(TestTokens.ops(chain)).get("/secured/chains/" + chain));
        assertEquals("ops-" + chain, answer.get("subject").asText());
        assertEquals(200, anonymous.as(TestTokens.ops("*")).get("/secured/chains/" + chain).statusCode());

        JsonNode refused = assertProblem(anonymous.as(TestTokens.ops(otherChain)).get("/secured/chains/" + chain), 403,
                "urn:patronage:problem:forbidden");
        assertTrue(refused.get("detail").asText().contains(chain), refused.toString());
        assertProblem(anonymous.as(TestTokens.analyst(chain)).get("/secured/chains/" + chain), 403);
        assertProblem(anonymous.as(TestTokens.admin()).get("/secured/chains/" + chain), 403);
    }

    @Test
    void leavesHealthAndPrometheusOpenAndTheOtherManagementEndpointsClosed() {
        assertEquals(200, anonymous.get("/health").statusCode());
        assertEquals(200, anonymous.get("/prometheus").statusCode());
        for (String endpoint : List.of("/beans", "/routes", "/env", "/loggers", "/info", "/metrics", "/threaddump")) {
            int status = anonymous.get(endpoint).statusCode();
            assertTrue(status == 401 || status == 404, endpoint + " answered " + status);
            int withToken = anonymous.as(TestTokens.admin()).get(endpoint).statusCode();
            assertTrue(withToken == 403 || withToken == 404, endpoint + " with a token answered " + withToken);
        }
        int refresh = anonymous.as(TestTokens.admin()).post("/refresh", "{}").statusCode();
        assertTrue(refresh == 403 || refresh == 404, "POST /refresh answered " + refresh);
    }

    @Test
    void recordsOpsActionsInTheAuditLogReadablePerChain() {
        HttpProbe ops = anonymous.as(TestTokens.ops(chain));
        String auditId = HttpProbe.json(ops.post("/secured/chains/" + chain + "/actions", "")).get("auditId").asText();

        JsonNode page = ops.getJson("/audit?chainId=" + chain);
        assertEquals(1, page.get("records").size(), page.toString());
        JsonNode record = page.get("records").get(0);
        assertEquals(auditId, record.get("auditId").asText());
        assertEquals("ops-" + chain, record.get("actor").asText());
        assertEquals("sample.acted", record.get("action").asText());
        assertEquals(5, record.get("details").get("amount").asInt());
        assertEquals("kit-test", record.get("service").asText());

        ConsumerRecord<String, byte[]> published = kafka.awaitRecord("loyalty.audit.v1",
                candidate -> ("audit:" + auditId).equals(Records.header(candidate, "ce_id")));
        assertEquals(chain, published.key());

        assertProblem(anonymous.as(TestTokens.ops(otherChain)).get("/audit?chainId=" + chain), 403);
        assertProblem(ops.get("/audit"), 403);
        assertEquals(1, anonymous.as(TestTokens.admin()).getJson("/audit?chainId=" + chain).get("records").size());
        assertEquals(0, ops.getJson("/audit?chainId=" + chain + "&to=2000-01-01T00:00:00Z").get("records").size());
        assertProblem(ops.get("/audit?chainId=" + chain + "&limit=100000"), 400);
    }

    @Test
    void publishesAgainAnAuditRecordTheBrokerRefused() throws Exception {
        String refusing = chain + "-refused";
        HttpProbe ops = anonymous.as(TestTokens.ops(refusing));
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "loyalty.audit.v1");
        Predicate<ConsumerRecord<String, byte[]>> ofChain = candidate -> refusing.equals(candidate.key());
        String auditId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            // the broker refuses every audit record until the limit is lifted
            alter(admin, topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64"),
                    AlterConfigOp.OpType.SET));
            try {
                auditId = HttpProbe.json(ops.post("/secured/chains/" + refusing + "/actions", "")).get("auditId")
                        .asText();
                String waiting = auditId;
                assertEquals(waiting, ops.getJson("/audit?chainId=" + refusing).get("records").get(0).get("auditId")
                        .asText(), "kept all the same");
                // refused, and tried again each second: still waiting, still not on the topic
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> outboxed(waiting) && kafka.records("loyalty.audit.v1", ofChain).isEmpty());
            } finally {
                alter(admin, topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                        AlterConfigOp.OpType.DELETE));
            }
        }
        ConsumerRecord<String, byte[]> published = kafka.awaitRecord("loyalty.audit.v1", ofChain);
        assertEquals("audit:" + auditId, Records.header(published, "ce_id"), "the record's own id: consumers dedupe");
        JsonNode payload = HttpProbe.parse(new String(published.value(), StandardCharsets.UTF_8));
        JsonNode kept = ops.getJson("/audit?chainId=" + refusing).get("records").get(0);
        assertEquals(kept.get("auditId"), payload.get("auditId"));
        assertEquals(Instant.parse(kept.get("at").asText()), Instant.parse(payload.get("at").asText()));
        String done = auditId;
        await().atMost(Duration.ofSeconds(10)).until(() -> !outboxed(done));
    }

    private boolean outboxed(String auditId) {
        return database.getCollection("audit_outbox").find(Filters.eq("_id", auditId)).first() != null;
    }

    private static void alter(Admin admin, ConfigResource topic, AlterConfigOp op) throws Exception {
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }

    @Test
    void answersAnInternalFailureWithAReferenceAndNoInternals() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        HttpResponse<String> response;
        try {
            response = anonymous.as(TestTokens.ops(chain)).get("/secured/boom");
        } finally {
            root.detachAppender(log);
        }
        JsonNode problem = assertProblem(response, 500);
        assertTrue(problem.get("detail").asText().contains("reference"), response.body());
        String reference = problem.get("detail").asText().replaceAll(".*reference ", "");
        // logged once, with the reference and the cause
        List<ILoggingEvent> errors = log.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                .filter(event -> event.getFormattedMessage().contains("secret-host") || (event.getThrowableProxy() != null
                        && event.getThrowableProxy().getMessage().contains("secret-host")))
                .toList();
        assertEquals(1, errors.size(), errors.stream().map(ILoggingEvent::getFormattedMessage).toList().toString());
        assertTrue(errors.get(0).getFormattedMessage().contains(reference), errors.get(0).getFormattedMessage());
        assertTrue(errors.get(0).getThrowableProxy().getMessage().contains("secret-host"), "the cause is in the log");
        for (String internal : List.of("mongodb", "secret-host", "Exception", "java.", "at io.")) {
            assertFalse(response.body().contains(internal), internal + " leaked: " + response.body());
        }
    }

    @Test
    void limitsTheRateOfEachClientWith429AndRetryAfter() {
        HttpProbe hasty = anonymous.as(TestTokens.ops(chain + "-hasty"));
        List<HttpResponse<String>> limited = new ArrayList<>();
        for (int i = 0; i < 60 && limited.isEmpty(); i++) {
            HttpResponse<String> response = hasty.get("/secured/chains/" + chain);
            if (response.statusCode() == 429) {
                limited.add(response);
            }
        }
        assertFalse(limited.isEmpty(), "60 calls at once, with a burst of 20 and 5 a second, were never limited");
        HttpResponse<String> response = limited.get(0);
        assertProblem(response, 429, "urn:patronage:problem:too-many-requests");
        long retryAfter = Long.parseLong(response.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        // another client is not held back by this one
        assertEquals(200, anonymous.as(TestTokens.ops(chain)).get("/secured/chains/" + chain).statusCode());
        assertEquals(200, anonymous.get("/health").statusCode());
    }
}

package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.testsupport.AccessMatrix;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TillRecord;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what on points-service, proven on real fixtures (a member enrolled over Kafka who earned points by a
 * till record): the role × chain matrix over every documented operation, the refusal that looks exactly like an
 * unknown member, the audit of ops and admin actions, and the limits of the API.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsAccessIT implements TestPropertyProvider {

    private static final String PROGRAM = """
            {"version":"%s","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
             "pendingDays":0}""";

    @Inject
    EmbeddedServer server;

    private final KafkaProbe kafka = new KafkaProbe();
    private final HttpProbe anonymous = new HttpProbe(() -> server.getPort());
    private String chain;
    private String otherChain;
    private String ops;
    private HttpProbe asOps;
    private String member;
    private String otherMember;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-access-it");
    }

    @BeforeAll
    void fixtures() {
        chain = kafka.configureChain("access-" + UUID.randomUUID(), "EUR");
        otherChain = kafka.configureChain("access-other-" + UUID.randomUUID(), "EUR");
        ops = TestTokens.ops(chain);
        asOps = anonymous.as(ops);
        await().atMost(KafkaProbe.PATIENCE).until(() ->
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("access-v1")).statusCode() == 201);
        member = enroll(chain);
        otherMember = enroll(chain);
        kafka.sendTransaction("card-" + member, TillRecord.purchase(chain, "card-" + member, "t-1", "100.00").json());
        await().atMost(KafkaProbe.PATIENCE).until(() ->
                asOps.getJson("/members/" + member + "/points").get("available").asLong() == 100);
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    private String enroll(String chainId) {
        String id = "m-" + UUID.randomUUID();
        kafka.send(new MemberEnrolled(id, chainId, "card-" + id, MonthDay.of(3, 1), "el-GR", Instant.now()));
        await().atMost(KafkaProbe.PATIENCE).until(() -> asOps.get("/members/" + id + "/points").statusCode() == 200);
        return id;
    }

    @Test
    void everyOperationIsOpenToItsCallersAndRefusedToEveryoneElse() {
        String points = "/members/" + member + "/points";
        new AccessMatrix(anonymous)
                .caller("member", TestTokens.member(member))
                .caller("another member", TestTokens.member(otherMember))
                .caller("ops", ops)
                .caller("ops of another chain", TestTokens.ops(otherChain))
                .caller("analyst", TestTokens.analyst(chain))
                .caller("pos", TestTokens.pos(chain))
                .caller("admin", TestTokens.admin())
                .expect("GET /members/{memberId}/points", points, null, "member", "ops", "pos")
                .expect("GET /members/{memberId}/points/lots", points + "/lots", null, "member", "ops")
                .expect("GET /members/{memberId}/points/transactions/{transactionId}", points + "/transactions/t-1",
                        null, "member", "ops")
                .expect("GET /members/{memberId}/points/statement", points + "/statement?size=5", null,
                        "member", "ops")
                .expect("POST /members/{memberId}/points/adjustments", caller -> new AccessMatrix.Request(
                        points + "/adjustments", "{\"adjustmentId\":\"" + UUID.randomUUID()
                        + "\",\"points\":1,\"reason\":\"goodwill\"}"), "ops")
                .expect("POST /members/{memberId}/points/redemptions", caller -> new AccessMatrix.Request(
                        points + "/redemptions", "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"points\":1,\"reason\":\"till:s-1\"}"), "member", "ops")
                .expect("GET /programs/{chainId}", "/programs/" + chain, null, "ops", "analyst")
                .expect("POST /programs/{chainId}/versions", caller -> new AccessMatrix.Request(
                        "/programs/" + chain + "/versions", PROGRAM.formatted("v-" + UUID.randomUUID())), "ops")
                .expect("POST /programs/{chainId}/what-if", "/programs/" + chain + "/what-if",
                        "{\"draft\":" + PROGRAM.formatted("draft") + ",\"from\":\"2020-01-01T00:00:00Z\","
                                + "\"to\":\"2099-01-01T00:00:00Z\"}", "ops")
                .expect("POST /admin/rebuild", "/admin/rebuild", null, "admin")
                .expect("GET /audit", "/audit?chainId=" + chain, null, "ops", "admin")
                .verify();
        assertFalse(anonymous.get("/openapi").body().contains("Caller"),
                "the caller is bound from the token, not a documented parameter");
    }

    @Test
    void aRefusedCallerCannotTellAMemberFromAnUnknownOne() {
        String unknown = "m-" + UUID.randomUUID();
        Map<String, HttpProbe> refused = Map.of(
                "another member", anonymous.as(TestTokens.member(otherMember)),
                "ops of another chain", anonymous.as(TestTokens.ops(otherChain)),
                "analyst of the chain", anonymous.as(TestTokens.analyst(chain)),
                "pos of the chain", anonymous.as(TestTokens.pos(chain)),
                "admin", anonymous.as(TestTokens.admin()));
        long balance = asOps.getJson("/members/" + member + "/points").get("balance").asLong();
        List<String> reads = List.of("", "?asOf=2026-01-01T00:00:00Z", "/lots", "/transactions/t-1", "/statement");
        refused.forEach((who, probe) -> {
            for (String read : reads) {
                if (who.startsWith("pos") && (read.isEmpty() || read.startsWith("?"))) {
                    continue; // a till reads the balance
                }
                assertSameAsUnknown(who, probe.get("/members/" + member + "/points" + read),
                        probe.get("/members/" + unknown + "/points" + read), unknown);
            }
            String adjustment = "{\"points\":5,\"reason\":\"goodwill\"}";
            assertSameAsUnknown(who, probe.post("/members/" + member + "/points/adjustments", adjustment),
                    probe.post("/members/" + unknown + "/points/adjustments", adjustment), unknown);
            String redemption = "{\"requestId\":\"r-1\",\"points\":5,\"reason\":\"till\"}";
            assertSameAsUnknown(who, probe.post("/members/" + member + "/points/redemptions", redemption),
                    probe.post("/members/" + unknown + "/points/redemptions", redemption), unknown);
        });
        // the member may not adjust their own points either
        HttpProbe self = anonymous.as(TestTokens.member(member));
        assertSameAsUnknown("the member", self.post("/members/" + member + "/points/adjustments",
                "{\"points\":5,\"reason\":\"me\"}"), self.post("/members/" + unknown + "/points/adjustments",
                "{\"points\":5,\"reason\":\"me\"}"), unknown);
        assertEquals(balance, asOps.getJson("/members/" + member + "/points").get("balance").asLong(),
                "no refused call changed the balance");
    }

    private void assertSameAsUnknown(String who, HttpResponse<String> refused, HttpResponse<String> unknown,
                                     String unknownId) {
        HttpProbe.assertProblem(refused, 404, "urn:patronage:problem:not-found");
        HttpProbe.assertProblem(unknown, 404, "urn:patronage:problem:not-found");
        assertEquals(unknown.body().replace(unknownId, "<id>"), refused.body().replace(member, "<id>"),
                who + ": a refusal must read exactly as an unknown member");
    }

    @Test
    void adjustmentsAreMadeAndAuditedInTheNameOfTheTokensSubject() {
        String id = "adj-" + UUID.randomUUID();
        HttpResponse<String> adjusted = asOps.post("/members/" + member + "/points/adjustments",
                "{\"adjustmentId\":\"" + id + "\",\"points\":7,\"reason\":\"broken bottle\",\"actor\":\"mallory\","
                        + "\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        assertEquals(201, adjusted.statusCode(), adjusted.body());

        JsonNode line = find(asOps.getJson("/members/" + member + "/points/statement?size=200").get("lines"),
                l -> l.toString().contains("broken bottle"));
        String subject = "ops-" + chain;
        assertTrue(line.toString().contains(subject), line.toString());
        assertFalse(line.toString().contains("mallory"), "the body's actor is ignored: " + line);

        JsonNode record = find(audit("/audit?chainId=" + chain, asOps),
                r -> r.get("action").asText().equals("points.adjusted")
                        && r.get("details").get("adjustmentId").asText().equals(id));
        assertEquals(subject, record.get("actor").asText());
        assertEquals(chain, record.get("chainId").asText());
        assertEquals(member, record.get("target").asText());
        assertEquals(7, record.get("details").get("points").asLong());
        assertEquals("broken bottle", record.get("details").get("reason").asText());
        assertEquals("2099-01-01T00:00:00Z", record.get("details").get("expiresAt").asText());
    }

    @Test
    void opsRedemptionsProgramVersionsAndRebuildsAreAudited() {
        String request = "r-" + UUID.randomUUID();
        HttpResponse<String> redeemed = asOps.post("/members/" + member + "/points/redemptions",
                "{\"requestId\":\"" + request + "\",\"points\":2,\"reason\":\"phone order\"}");
        assertEquals(201, redeemed.statusCode(), redeemed.body());
        HttpResponse<String> byMember = anonymous.as(TestTokens.member(member)).post("/members/" + member
                + "/points/redemptions", "{\"requestId\":\"own-" + request + "\",\"points\":1,\"reason\":\"app\"}");
        assertEquals(201, byMember.statusCode(), byMember.body());
        String version = "audited-" + UUID.randomUUID();
        String effectiveFrom = "2099-06-01T00:00:00Z";
        HttpResponse<String> added = asOps.post("/programs/" + chain + "/versions",
                PROGRAM.formatted(version).replace("{", "{\"effectiveFrom\":\"" + effectiveFrom + "\","));
        assertEquals(201, added.statusCode(), added.body());
        HttpResponse<String> rebuilt = anonymous.as(TestTokens.admin()).post("/admin/rebuild", "");
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());

        JsonNode records = audit("/audit?chainId=" + chain, asOps);
        JsonNode redemption = find(records, r -> r.get("action").asText().equals("points.redeemed-by-ops")
                && r.get("details").get("requestId").asText().equals(request));
        assertEquals("ops-" + chain, redemption.get("actor").asText());
        assertEquals(2, redemption.get("details").get("redeemed").asLong());
        assertTrue(StreamSupport.stream(records.spliterator(), false).noneMatch(r ->
                r.get("details").path("requestId").asText().equals("own-" + request)), "a member's own is not audited");
        JsonNode program = find(records, r -> r.get("action").asText().equals("program.version-added")
                && r.get("details").get("version").asText().equals(version));
        assertEquals(effectiveFrom, program.get("details").get("effectiveFrom").asText());

        JsonNode rebuild = find(audit("/audit?limit=1000", anonymous.as(TestTokens.admin())),
                r -> r.get("action").asText().equals("points.rebuilt"));
        assertTrue(rebuild.path("chainId").isNull() || rebuild.path("chainId").isMissingNode(), rebuild.toString());
        assertEquals("admin-1", rebuild.get("actor").asText());
        assertTrue(rebuild.get("details").has("checksumAfter"), rebuild.toString());
    }

    @Test
    void anotherChainsOpsAreForbiddenOnTheChainsProgram() {
        HttpProbe stranger = anonymous.as(TestTokens.ops(otherChain));
        HttpProbe.assertProblem(stranger.get("/programs/" + chain), 403, "urn:patronage:problem:forbidden");
        HttpProbe.assertProblem(stranger.post("/programs/" + chain + "/versions", PROGRAM.formatted("x")), 403,
                "urn:patronage:problem:forbidden");
        HttpProbe.assertProblem(anonymous.as(TestTokens.analyst(chain)).post("/programs/" + chain + "/what-if", "{}"),
                403, "urn:patronage:problem:forbidden");
    }

    @Test
    void theStatementPageSizeIsCappedAndAnyPageIsAnswered() {
        String statement = "/members/" + member + "/points/statement";
        JsonNode tooBig = HttpProbe.assertProblem(asOps.get(statement + "?size=201"), 400,
                "urn:patronage:problem:invalid-request");
        assertTrue(tooBig.get("detail").asText().contains("between 1 and 200"), tooBig.toString());
        JsonNode farAway = asOps.getJson(statement + "?page=2147483647&size=200");
        assertEquals(0, farAway.path("lines").size(), farAway.toString()); // an empty list is left out
        assertTrue(farAway.get("total").asInt() >= 1, farAway.toString());
    }

    @Test
    void malformedRequestsAreAnsweredInPlainWords() {
        String points = "/members/" + member + "/points";
        List<HttpResponse<String>> answers = List.of(
                asOps.post(points + "/adjustments", "{not json"),
                asOps.post(points + "/adjustments", "{\"points\":\"many\",\"reason\":\"x\"}"),
                asOps.post(points + "/adjustments", "{\"points\":5,\"reason\":\"x\",\"expiresAt\":\"soon\"}"),
                asOps.post(points + "/adjustments", "[1,2]"),
                asOps.post(points + "/redemptions", "{\"requestId\":\"r\",\"points\":1e400,\"reason\":\"x\"}"),
                asOps.post(points + "/redemptions", "{\"requestId\":"),
                asOps.get(points + "/statement?size=lots"),
                asOps.get(points + "?asOf=yesterday"),
                asOps.post("/programs/" + chain + "/versions", "{\"version\":1,\"pointsPerUnit\":[]}"),
                asOps.post("/programs/" + chain + "/versions", "{oops"),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b1").replace("DOWN", "SIDEWAYS")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b2").replace("Europe/Athens", "Mars/Base")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b3").replace("\"EUR\"", "\"EURO\"")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b4").replace("{", "{\"effectiveFrom\":\"tomorrow\",")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b5").replace("{", "{\"tiers\":{\"basis\":\"X\",\"levels\":[{}]},")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b6").replace("{", "{\"expiry\":{\"periodEnd\":\"WEEK\"},\"multipliers\":[{\"scope\":\"AISLE\"}],")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b7").replace("1,", "1e999999999,")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b8").replace("1,", "1e-999999999,")),
                asOps.post("/programs/" + chain + "/versions", PROGRAM.formatted("b9").replace("{",
                        "{\"multipliers\":[{\"scope\":\"SKU\",\"value\":\"A\",\"factor\":1e999999999}],")),
                asOps.post("/programs/" + chain + "/what-if", "{\"draft\":{\"pointsPerUnit\":\"x\"},\"from\":1}"),
                asOps.post("/programs/" + chain + "/what-if", "\"just a string\""));
        for (HttpResponse<String> answer : answers) {
            assertEquals(4, answer.statusCode() / 100, answer.statusCode() + " " + answer.body());
            assertTrue(answer.headers().firstValue("content-type").orElse("").startsWith(HttpProbe.PROBLEM_JSON),
                    answer.body());
            for (String internal : List.of("com.fasterxml", "jackson", "io.micronaut", "org.axonframework",
                    "io.patronage", "org.bson", "com.mongodb", "Exception", "\tat ", "java.")) {
                assertFalse(answer.body().contains(internal), "leaks " + internal + ": " + answer.body());
            }
        }
    }

    private JsonNode audit(String path, HttpProbe probe) {
        return probe.getJson(path).get("records");
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> wanted) {
        return StreamSupport.stream(array.spliterator(), false).filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("none matches in " + array));
    }
}

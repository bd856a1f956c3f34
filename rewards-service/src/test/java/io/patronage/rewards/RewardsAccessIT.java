package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.testsupport.AccessMatrix;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.AccessMatrix.ANONYMOUS;
import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what: every operation of the OpenAPI document as every kind of caller (AccessMatrix), on real
 * fixtures (members enrolled and points earned over Kafka, a redemption, the chain's own rewards); ops actions audited;
 * refusals that give nothing away.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewardsAccessIT implements TestPropertyProvider {

    private static final String MEMBER = "member";
    private static final String OTHER_MEMBER = "another member";
    private static final String OPS = "ops of the chain";
    private static final String OTHER_OPS = "ops of another chain";
    private static final String ANALYST = "analyst of the chain";
    private static final String POS = "pos of the chain";
    private static final String ADMIN = "admin";

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);
    private String chain;
    private String otherChain;
    private String member;
    private String otherMember;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-access-it");
    }

    @BeforeAll
    void enrollMembers() {
        chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        otherChain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        member = rewards.enrolledMember(chain);
        otherMember = rewards.enrolledMember(chain);
        kafka.send(CloudEventRecord.of(new PointsEarned(member, chain, "T-" + UUID.randomUUID(), "store-1", "EUR",
                new BigDecimal("50.00"), BigDecimal.valueOf(1_000), "1", List.of(), BigDecimal.valueOf(1_000), Instant.now()))
                .withSource("/patronage/points-service"));
        await().atMost(RewardsProbe.PATIENCE).until(() -> offer(member, "free-coffee").get("redeemable").asBoolean());
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void everyOperationIsAllowedToItsCallersAndRefusedToEveryoneElse() {
        String redemption = rewards.redeem(member, "free-coffee");
        putReward(chain, "old-mug");
        HttpResponse<String> punchCard = rewards.ops(chain).put("/chains/" + chain + "/punch-cards/tenth-visit",
                "{\"rewardId\":\"free-coffee\",\"visits\":10}");
        assertTrue(punchCard.statusCode() == 201 || punchCard.statusCode() == 200, punchCard.body());
        HttpResponse<String> milestone = rewards.ops(chain).put("/chains/" + chain + "/spend-milestones/every-500",
                "{\"rewardId\":\"free-coffee\",\"every\":\"500.00\"}");
        assertTrue(milestone.statusCode() == 201 || milestone.statusCode() == 200, milestone.body());
        // to be withdrawn
        assertEquals(201, rewards.ops(chain).put("/chains/" + chain + "/punch-cards/old-card",
                "{\"rewardId\":\"free-coffee\",\"visits\":10}").statusCode());
        assertEquals(201, rewards.ops(chain).put("/chains/" + chain + "/spend-milestones/old-milestone",
                "{\"rewardId\":\"free-coffee\",\"every\":\"500.00\"}").statusCode());
        setWelcomeOffer();
        HttpResponse<String> birthday = rewards.ops(chain).put("/chains/" + chain + "/birthday-offer",
                "{\"rewardId\":\"free-coffee\",\"when\":\"DAY\"}");
        assertTrue(birthday.statusCode() == 201 || birthday.statusCode() == 200, birthday.body());
        HttpResponse<String> winBack = rewards.ops(chain).put("/chains/" + chain + "/win-back-offer",
                "{\"rewardId\":\"free-coffee\"}");
        assertTrue(winBack.statusCode() == 201 || winBack.statusCode() == 200, winBack.body());
        AccessMatrix matrix = new AccessMatrix(service)
                .caller(MEMBER, TestTokens.member(member))
                .caller(OTHER_MEMBER, TestTokens.member(otherMember))
                .caller(OPS, TestTokens.ops(chain))
                .caller(OTHER_OPS, TestTokens.ops(otherChain))
                .caller(ANALYST, TestTokens.analyst(chain))
                .caller(POS, TestTokens.pos(chain))
                .caller(ADMIN, TestTokens.admin());
        String rewardPath = "/chains/" + chain + "/rewards/";
        matrix.expect("PUT /chains/{chainId}/rewards/{rewardId}", rewardPath + "new-mug", mug(), OPS)
                .expect("GET /chains/{chainId}/rewards/{rewardId}", rewardPath + "free-coffee", null, OPS)
                .expect("GET /chains/{chainId}/rewards/{rewardId}/versions/{version}",
                        rewardPath + "free-coffee/versions/1", null, OPS)
                .expect("DELETE /chains/{chainId}/rewards/{rewardId}", rewardPath + "old-mug", null, OPS)
                .expect("GET /rewards", "/rewards?chainId=" + chain + "&memberId=" + member, null, MEMBER, OPS)
                .expect("POST /members/{memberId}/redemptions", "/members/" + member + "/redemptions",
                        "{\"rewardId\":\"free-coffee\"}", MEMBER, OPS)
                .expect("GET /redemptions/{redemptionId}", "/redemptions/" + redemption, null, MEMBER, OPS)
                .expect("GET /members/{memberId}/coupons", "/members/" + member + "/coupons", null, MEMBER, OPS, POS)
                .expect("PUT /chains/{chainId}/punch-cards/{punchCardId}", "/chains/" + chain
                        + "/punch-cards/new-card", "{\"rewardId\":\"free-coffee\",\"visits\":10}", OPS)
                .expect("GET /chains/{chainId}/punch-cards/{punchCardId}", "/chains/" + chain
                        + "/punch-cards/tenth-visit", null, OPS)
                .expect("GET /members/{memberId}/punch-cards", "/members/" + member + "/punch-cards", null, MEMBER, OPS)
                .expect("PUT /chains/{chainId}/spend-milestones/{milestoneId}", "/chains/" + chain
                        + "/spend-milestones/new-milestone", "{\"rewardId\":\"free-coffee\",\"every\":\"500.00\"}", OPS)
                .expect("GET /chains/{chainId}/spend-milestones/{milestoneId}", "/chains/" + chain
                        + "/spend-milestones/every-500", null, OPS)
                .expect("DELETE /chains/{chainId}/punch-cards/{punchCardId}", "/chains/" + chain
                        + "/punch-cards/old-card", null, OPS)
                .expect("DELETE /chains/{chainId}/spend-milestones/{milestoneId}", "/chains/" + chain
                        + "/spend-milestones/old-milestone", null, OPS)
                .expect("GET /members/{memberId}/spend-milestones", "/members/" + member + "/spend-milestones", null,
                        MEMBER, OPS)
                .expect("PUT /chains/{chainId}/welcome-offer", "/chains/" + chain + "/welcome-offer",
                        "{\"rewardId\":\"free-coffee\"}", OPS)
                .expect("DELETE /chains/{chainId}/welcome-offer", "/chains/" + chain + "/welcome-offer", null, OPS)
                // set again before each read: the withdrawal may have run first
                .expect("GET /chains/{chainId}/welcome-offer", caller -> {
                    setWelcomeOffer();
                    return new AccessMatrix.Request("/chains/" + chain + "/welcome-offer", null);
                }, OPS)
                .expect("PUT /chains/{chainId}/birthday-offer", "/chains/" + chain + "/birthday-offer",
                        "{\"rewardId\":\"free-coffee\",\"when\":\"MONTH\"}", OPS)
                .expect("DELETE /chains/{chainId}/birthday-offer", caller -> {
                    setOffer("birthday-offer", "{\"rewardId\":\"free-coffee\",\"when\":\"MONTH\"}");
                    return new AccessMatrix.Request("/chains/" + chain + "/birthday-offer", null);
                }, OPS)
                .expect("GET /chains/{chainId}/birthday-offer", caller -> {
                    setOffer("birthday-offer", "{\"rewardId\":\"free-coffee\",\"when\":\"MONTH\"}");
                    return new AccessMatrix.Request("/chains/" + chain + "/birthday-offer", null);
                }, OPS)
                .expect("PUT /chains/{chainId}/win-back-offer", "/chains/" + chain + "/win-back-offer",
                        "{\"rewardId\":\"free-coffee\"}", OPS)
                .expect("DELETE /chains/{chainId}/win-back-offer", caller -> {
                    setOffer("win-back-offer", "{\"rewardId\":\"free-coffee\"}");
                    return new AccessMatrix.Request("/chains/" + chain + "/win-back-offer", null);
                }, OPS)
                .expect("GET /chains/{chainId}/win-back-offer", caller -> {
                    setOffer("win-back-offer", "{\"rewardId\":\"free-coffee\"}");
                    return new AccessMatrix.Request("/chains/" + chain + "/win-back-offer", null);
                }, OPS)
                .expect("GET /audit", "/audit?chainId=" + chain, null, OPS, ADMIN)
                .verify();
    }

    @Test
    void aRefusedCallerIsAnsweredExactlyAsForAnUnknownMemberOrRedemption() {
        String redemption = rewards.redeem(member, "free-coffee");
        HttpProbe stranger = service.as(TestTokens.member(otherMember));
        HttpProbe otherOps = service.as(TestTokens.ops(otherChain));
        String nobody = "m-" + UUID.randomUUID();
        for (HttpProbe caller : List.of(stranger, otherOps)) {
            assertSameRefusal(caller.get("/members/" + member + "/coupons"),
                    caller.get("/members/" + nobody + "/coupons"), member, nobody);
            assertSameRefusal(caller.get("/rewards?memberId=" + member),
                    caller.get("/rewards?memberId=" + nobody), member, nobody);
            assertSameRefusal(caller.post("/members/" + member + "/redemptions", "{\"rewardId\":\"free-coffee\"}"),
                    caller.post("/members/" + nobody + "/redemptions", "{\"rewardId\":\"free-coffee\"}"), member,
                    nobody);
            String unknown = UUID.randomUUID().toString();
            assertSameRefusal(caller.get("/redemptions/" + redemption), caller.get("/redemptions/" + unknown),
                    redemption, unknown);
            assertSameRefusal(caller.get("/members/" + member + "/punch-cards"),
                    caller.get("/members/" + nobody + "/punch-cards"), member, nobody);
            assertSameRefusal(caller.get("/members/" + member + "/spend-milestones"),
                    caller.get("/members/" + nobody + "/spend-milestones"), member, nobody);
        }
        JsonNode forbidden = assertProblem(otherOps.put("/chains/" + chain + "/rewards/mug", mug()), 403,
                "urn:patronage:problem:forbidden");
        assertTrue(forbidden.get("detail").asText().contains(chain), forbidden.toString());
        assertProblem(service.as(TestTokens.member(member)).get("/rewards?chainId=" + chain), 403);
        assertEquals(404, service.as(TestTokens.ops(chain)).get("/chains/" + chain + "/rewards/yacht").statusCode(),
                "ops of the chain learn a reward does not exist");
    }

    @Test
    void opsActionsAreAuditedWithTheirActorAndWhatChanged() {
        String audited = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        String someone = rewards.enrolledMember(audited);
        HttpProbe ops = rewards.ops(audited);
        assertEquals(201, ops.put("/chains/" + audited + "/rewards/mug", mug()).statusCode());
        assertEquals(200, ops.put("/chains/" + audited + "/rewards/mug", mug()).statusCode(), "unchanged: no record");
        assertEquals(200, ops.delete("/chains/" + audited + "/rewards/mug").statusCode());
        rewards.redeem(someone, "free-coffee"); // the member for themself: no ops action
        HttpRequest.Builder withKey = HttpRequest.newBuilder(service.uri("/members/" + someone + "/redemptions"))
                .header("content-type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"rewardId\":\"tote-bag\"}"));
        HttpResponse<String> onBehalf = ops.send(withKey);
        assertEquals(202, onBehalf.statusCode(), onBehalf.body());
        HttpResponse<String> repeated = ops.send(withKey);
        assertEquals(json(onBehalf).get("redemptionId"), json(repeated).get("redemptionId"),
                "the same key: the same redemption, redeemed once, audited once");
        assertFalse(json(repeated).has("repeated"));

        JsonNode records = json(ops.get("/audit?chainId=" + audited)).get("records");
        List<String> actions = new ArrayList<>();
        records.forEach(record -> actions.add(record.get("action").asText()));
        assertEquals(List.of("reward.updated", "reward.withdrawn", "reward.redeemed-by-ops"), actions);
        records.forEach(record -> {
            assertEquals("ops-" + audited, record.get("actor").asText(), "the token's subject, no free text");
            assertEquals(audited, record.get("chainId").asText());
            assertEquals("rewards-service", record.get("service").asText());
        });
        JsonNode updated = records.get(0).get("details");
        assertEquals(1, updated.get("version").asLong());
        assertTrue(updated.get("created").asBoolean());
        assertEquals(250, updated.get("definition").get("pointsCost").asLong());
        assertEquals(2, records.get(1).get("details").get("version").asLong());
        assertEquals("mug", records.get(1).get("target").asText());
        assertEquals(someone, records.get(2).get("target").asText());
        assertEquals("tote-bag", records.get(2).get("details").get("rewardId").asText());
        assertEquals(json(onBehalf).get("redemptionId").asText(),
                records.get(2).get("details").get("redemptionId").asText());
        // another chain's ops do not read this chain's audit
        assertProblem(service.as(TestTokens.ops(chain)).get("/audit?chainId=" + audited), 403);
    }

    @Test
    void badRequestsAreExplainedWithoutInternalDetail() {
        HttpProbe ops = rewards.ops(chain);
        List<HttpResponse<String>> answers = List.of(
                ops.get("/chains/" + chain + "/rewards/free-coffee/versions/abc"),
                ops.get("/chains/" + chain + "/rewards/free-coffee/versions/99999999999999999999"),
                ops.put("/chains/" + chain + "/rewards/mug", "{\"pointsCost\":\"many\"}"),
                ops.put("/chains/" + chain + "/rewards/mug", "{\"name\":[1,2],\"availableFrom\":\"tomorrow\"}"),
                ops.put("/chains/" + chain + "/rewards/mug", "[]"),
                ops.put("/chains/" + chain + "/rewards/mug", "{\"name\":{\"en\":\"Mug\"},\"pointsCost\":10,"
                        + "\"couponValidityDays\":7,\"tiers\":[" + "\"GOLD\",".repeat(21) + "\"GOLD\"]}"),
                rewards.member(member).post("/members/" + member + "/redemptions", "{\"rewardId\":{\"$gt\":\"\"}}"),
                rewards.member(member).post("/members/" + member + "/redemptions", "not json"),
                ops.put("/chains/" + chain + "/punch-cards/pc", "{\"rewardId\":\"free-coffee\",\"visits\":\"ten\"}"),
                ops.put("/chains/" + chain + "/punch-cards/pc", "{\"rewardId\":{\"$gt\":\"\"},\"visits\":10}"),
                ops.put("/chains/" + chain + "/punch-cards/pc", "{\"rewardId\":\"free-coffee\",\"visits\":0}"),
                ops.put("/chains/" + chain + "/spend-milestones/m", "{\"rewardId\":\"free-coffee\",\"every\":\"lots\"}"),
                ops.put("/chains/" + chain + "/spend-milestones/m", "{\"rewardId\":\"free-coffee\",\"every\":\"0.001\"}"),
                ops.put("/chains/" + chain + "/welcome-offer", "{\"rewardId\":{\"$gt\":\"\"}}"),
                ops.put("/chains/" + chain + "/birthday-offer", "{\"rewardId\":\"free-coffee\",\"when\":{\"$gt\":\"\"}}"),
                ops.put("/chains/" + chain + "/win-back-offer", "{\"rewardId\":{\"$gt\":\"\"}}"));
        for (HttpResponse<String> answer : answers) {
            JsonNode problem = assertProblem(answer, 400);
            String body = answer.body();
            for (String internal : List.of("java.", "io.patronage", "com.fasterxml", "com.mongodb", "Exception",
                    "\tat ", "micronaut")) {
                assertFalse(body.contains(internal), "no " + internal + " in " + body);
            }
            assertFalse(problem.get("detail").asText().isBlank(), body);
        }
        JsonNode tiers = json(answers.get(5));
        assertEquals("tiers", tiers.get("errors").get(0).get("field").asText(), tiers.toString());
        JsonNode visits = json(answers.get(10));
        assertEquals("visits", visits.get("errors").get(0).get("field").asText(), visits.toString());
        JsonNode every = json(answers.get(12));
        assertEquals("every", every.get("errors").get(0).get("field").asText(), every.toString());
    }

    private void assertSameRefusal(HttpResponse<String> refused, HttpResponse<String> unknown, String id,
                                   String unknownId) {
        JsonNode refusal = assertProblem(refused, 404);
        JsonNode absence = assertProblem(unknown, 404);
        assertEquals(absence.get("type"), refusal.get("type"));
        assertEquals(absence.get("title"), refusal.get("title"));
        assertEquals(absence.get("detail").asText().replace(unknownId, "ID"),
                refusal.get("detail").asText().replace(id, "ID"), "the same answer, but for the id");
    }

    /** Sets the chain's offer (again): a withdrawal by another caller may have run first. */
    private void setOffer(String offer, String body) {
        HttpResponse<String> set = rewards.ops(chain).put("/chains/" + chain + "/" + offer, body);
        assertTrue(set.statusCode() == 201 || set.statusCode() == 200, set.body());
    }

    private void setWelcomeOffer() {
        HttpResponse<String> welcome = rewards.ops(chain).put("/chains/" + chain + "/welcome-offer",
                "{\"rewardId\":\"free-coffee\"}");
        assertTrue(welcome.statusCode() == 201 || welcome.statusCode() == 200, welcome.body());
    }

    private void putReward(String chainId, String rewardId) {
        HttpResponse<String> created = rewards.ops(chainId).put("/chains/" + chainId + "/rewards/" + rewardId, mug());
        assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body());
    }

    private JsonNode offer(String memberId, String rewardId) {
        for (JsonNode offer : json(rewards.member(memberId).get("/rewards?memberId=" + memberId))) {
            if (offer.get("id").asText().equals(rewardId)) {
                return offer;
            }
        }
        throw new AssertionError("no offer of " + rewardId);
    }

    private static String mug() {
        return """
                {"name":{"en":"Mug"},"pointsCost":250,"couponValidityDays":30,
                 "coupon":{"kind":"AMOUNT_OFF","amountOff":"2.50"}}""";
    }
}

package io.patronage.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.testsupport.AccessMatrix;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.patronage.testsupport.AccessMatrix.ANONYMOUS;
import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what (README, "Who may call what"), for every operation of the OpenAPI document: a member, other
 * members, a till, ops and an analyst of the member's chain and of another chain, an admin, and no token.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentAccessIT implements TestPropertyProvider {

    private final String chain = "access-" + UUID.randomUUID();
    private final String otherChain = "access-other-" + UUID.randomUUID();
    private final HttpProbe http = new HttpProbe(() -> this.server.getPort());

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("enrollment-access-it", Map.of(
                "patronage.enrollment.chains." + chain + ".currency", "EUR",
                "patronage.enrollment.chains." + chain + ".point-value", "0.01",
                "patronage.enrollment.chains." + otherChain + ".currency", "EUR",
                "patronage.enrollment.chains." + otherChain + ".point-value", "0.01",
                "patronage.mail.mailbox-dir", "target/mailbox-" + UUID.randomUUID()));
    }

    @Test
    void everyOperationAnswersItsCallersAndRefusesEveryoneElse() {
        String member = enrolled(chain);
        String erasing = enrolled(chain);
        String leaving = enrolled(chain);
        String stranger = enrolled(otherChain);

        AccessMatrix matrix = new AccessMatrix(http)
                .caller("member", TestTokens.member(member))
                .caller("erasing-member", TestTokens.member(erasing))
                .caller("leaving-member", TestTokens.member(leaving))
                .caller("member-of-other-chain", TestTokens.member(stranger))
                .caller("pos", TestTokens.pos(chain))
                .caller("ops", TestTokens.ops(chain))
                .caller("analyst", TestTokens.analyst(chain))
                .caller("pos-of-other-chain", TestTokens.pos(otherChain))
                .caller("ops-of-other-chain", TestTokens.ops(otherChain))
                .caller("admin", TestTokens.admin())
                .caller("member-role-everywhere", TestTokens.token(member + "-not", List.of("member"),
                        List.of("*")));

        String path = "/members/" + member;
        matrix.expect("POST /members", caller -> new AccessMatrix.Request("/members", enrollment(chain)), "pos", "ops")
                .expect("GET /members", "/members?chainId=" + chain + "&name=Virtanen", null, "ops")
                .expect("GET /members/{memberId}", path, null, "member", "ops")
                .expect("GET /members/{memberId}/export", path + "/export", null, "member", "ops")
                .expect("PUT /members/{memberId}/contact", path + "/contact",
                        "{\"email\": \"" + member + "@example.fi\"}", "member", "ops")
                .expect("PUT /members/{memberId}/consents", path + "/consents", "{\"marketingSms\": true}",
                        "member", "ops")
                .expect("POST /members/{memberId}/card-replacement", path + "/card-replacement", null, "member", "ops")
                .expect("POST /members/{memberId}/opt-out", "/members/" + leaving + "/opt-out", null,
                        "leaving-member", "ops")
                .expect("DELETE /members/{memberId}", "/members/" + erasing, null, "erasing-member", "ops")
                .expect("PUT /chains/{chainId}", "/chains/" + chain,
                        "{\"currency\": \"EUR\", \"timeZone\": \"UTC\", \"pointValue\": \"0.01\"}", "admin")
                .expect("GET /chains", "/chains", null, "admin", "ops", "pos", "ops-of-other-chain", "pos-of-other-chain")
                .expect("GET /chains/{chainId}", "/chains/" + chain, null, "admin", "ops", "pos")
                .expect("GET /audit", "/audit?chainId=" + chain, null, "ops", "admin")
                .verify();

        // (the matrix replaced the member's card: look the current one up)
        String card = json(http.as(TestTokens.ops(chain)).get("/members/" + member)).get("cardNumber").asText();
        // by card, ops of another chain find nobody (as for an unknown card), ops of the chain the member
        assertEquals(0, json(http.as(TestTokens.ops(otherChain)).get("/members?cardNumber=" + card))
                .get("members").size());
        JsonNode found = json(http.as(TestTokens.ops(chain)).get("/members?cardNumber=" + card)).get("members");
        assertEquals(member, found.get(0).get("memberId").asText());
        // a listing shows a token's own chains only
        JsonNode listed = json(http.as(TestTokens.ops(otherChain)).get("/chains")).get("chains");
        assertTrue(ids(listed).contains(otherChain), listed.toString());
        assertFalse(ids(listed).contains(chain), listed.toString());
    }

    @Test
    void aRefusedMemberIsAnsweredExactlyAsAnUnknownOne() {
        String member = enrolled(chain);
        String unknown = UUID.randomUUID().toString();
        HttpProbe otherOps = http.as(TestTokens.ops(otherChain));

        JsonNode refused = assertProblem(otherOps.get("/members/" + member), 404);
        JsonNode missing = assertProblem(otherOps.get("/members/" + unknown), 404);
        assertEquals(missing.get("type"), refused.get("type"));
        assertEquals(missing.get("detail").asText().replace(unknown, member), refused.get("detail").asText());
        JsonNode refusedErasure = assertProblem(http.as(TestTokens.member(UUID.randomUUID().toString()))
                .delete("/members/" + member), 404);
        assertEquals(missing.get("type"), refusedErasure.get("type"));
        assertEquals("ACTIVE", json(http.as(TestTokens.member(member)).get("/members/" + member)).get("status").asText(),
                "a refused erasure erased nothing");
    }

    @Test
    void opsActionsOnAMembersBehalfAndErasuresAreAuditedWithTheTokensSubject() {
        String member = enrolled(chain);
        HttpProbe ops = http.as(TestTokens.token("ops-anna", List.of("ops"), List.of(chain)));
        HttpProbe self = http.as(TestTokens.member(member));

        assertEquals(200, self.put("/members/" + member + "/consents", "{\"marketingEmail\": true}").statusCode());
        assertEquals(200, ops.put("/members/" + member + "/contact",
                "{\"email\": \"" + member + "-new@example.fi\", \"phone\": \"+358401234567\"}").statusCode());
        assertEquals(200, ops.post("/members/" + member + "/opt-out", "").statusCode());
        assertEquals(204, self.delete("/members/" + member).statusCode());

        JsonNode records = json(ops.get("/audit?chainId=" + chain)).get("records");
        JsonNode mine = HttpProbe.parse("[" + String.join(",", StreamSupport.stream(records.spliterator(), false)
                .filter(entry -> member.equals(entry.get("target").asText())).map(JsonNode::toString).toList()) + "]");
        assertEquals(List.of("member.contact-changed", "member.opted-out", "member.erased"), ids(mine, "action"),
                "the member's own consent change is not audited: " + mine);
        assertEquals("ops-anna", mine.get(0).get("actor").asText());
        assertTrue(mine.get(0).get("details").get("changed").get("email").asBoolean(), mine.toString());
        assertTrue(mine.get(0).get("details").get("changed").get("phone").asBoolean(), mine.toString());
        assertFalse(mine.get(0).get("details").get("changed").get("address").asBoolean(), mine.toString());
        assertFalse(mine.toString().contains("@example.fi"), "no personal value in the audit: " + mine);
        assertEquals(member, mine.get(2).get("actor").asText());
        assertTrue(mine.get(2).get("details").get("byMember").asBoolean());
    }

    private String enrolled(String chainId) {
        HttpResponse<String> response = http.as(TestTokens.pos(chainId)).post("/members", enrollment(chainId));
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("memberId").asText();
    }

    private static String enrollment(String chainId) {
        return """
                {"chainId": "%s", "firstName": "Aino", "lastName": "Virtanen", "email": "%s@example.fi"}
                """.formatted(chainId, UUID.randomUUID());
    }

    private static List<String> ids(JsonNode chains) {
        return ids(chains, "chainId");
    }

    private static List<String> ids(JsonNode nodes, String field) {
        return StreamSupport.stream(nodes.spliterator(), false).map(node -> node.get(field).asText()).toList();
    }

}

package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestTokens;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the rewards ITs do as enrollment-service and a member's app: enroll a member, redeem, follow a redemption;
 * and the service as each caller sees it (a token each).
 */
final class RewardsProbe {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe service;
    private final KafkaProbe kafka;

    RewardsProbe(HttpProbe service, KafkaProbe kafka) {
        this.service = service;
        this.kafka = kafka;
    }

    /** The service as the member's app calls it. */
    HttpProbe member(String memberId) {
        return service.as(TestTokens.member(memberId));
    }

    /** The service as ops of these chains ({@code *}: every chain) call it. */
    HttpProbe ops(String... chainIds) {
        return service.as(TestTokens.ops(chainIds));
    }

    /** A new member of the chain (card {@code card-<memberId>}), once rewards-service knows them. */
    String enrolledMember(String chainId) {
        String member = "m-" + UUID.randomUUID();
        kafka.send(CloudEventRecord.of(new MemberEnrolled(member, chainId, "card-" + member, MonthDay.of(5, 17), "el-GR",
                Instant.now())).withSource("/patronage/enrollment-service"));
        await().atMost(PATIENCE).until(() -> member(member).get("/members/" + member + "/coupons").statusCode() == 200);
        return member;
    }

    /** Redeems the reward, asserting it is accepted; answers the redemption id. */
    String redeem(String member, String rewardId) {
        HttpResponse<String> accepted = member(member).post("/members/" + member + "/redemptions",
                "{\"rewardId\":\"" + rewardId + "\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        return json(accepted).get("redemptionId").asText();
    }

    /** Waits for the redemption's status, read as ops of every chain (the probe does not know its member). */
    JsonNode awaitStatus(String redemptionId, String status) {
        HttpProbe ops = ops("*");
        await().atMost(PATIENCE).until(() -> status.equals(json(ops.get("/redemptions/" + redemptionId))
                .get("status").asText()));
        return json(ops.get("/redemptions/" + redemptionId));
    }
}

package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.testsupport.TillRecord;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A points-service running on the simulated clock, as its clients see it: chains with a program, members enrolled
 * and buying through Kafka at the service's time, and time moved forward with {@code POST /admin/clock}.
 */
final class SimulatedTime {

    private final Outside outside;

    SimulatedTime(Outside outside) {
        this.outside = outside;
    }

    record Member(String id, String chain, String card) {
    }

    /** The service's time, from {@code GET /admin/clock}. */
    Instant now() {
        JsonNode clock = outside.json("/admin/clock");
        assertEquals(true, clock.get("simulated").asBoolean(), clock.toString());
        return Instant.parse(clock.get("now").asText());
    }

    /** Moves the service's clock to {@code target}; answers once what was due on the way has run. */
    JsonNode advanceTo(Instant target) {
        HttpResponse<String> response = outside.post("/admin/clock", "{\"advanceTo\":\"" + target + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return Outside.read(response.body());
    }

    /** A new chain (EUR) with {@code program} (its {@code effectiveFrom} left out: in force from the service's now). */
    String chainWithProgram(String program) {
        String chain = outside.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpResponse<String> created = outside.post("/programs/" + chain + "/versions", program);
        assertEquals(201, created.statusCode(), created.body());
        return chain;
    }

    Member enroll(String chain) {
        Member member = new Member("m-" + UUID.randomUUID(), chain, "card-" + UUID.randomUUID());
        outside.sendCloudEvent(new MemberEnrolled(member.id(), chain, member.card(), MonthDay.of(6, 15), "el-GR",
                now()));
        await().atMost(Outside.PATIENCE).until(() -> outside.get("/members/" + member.id() + "/points").statusCode() == 200);
        return member;
    }

    /** A purchase of {@code total} EUR (no lines) at the till, stamped with the service's time. */
    void purchase(Member member, String transactionId, String total) {
        outside.send(Topics.TRANSACTIONS, member.card(),
                TillRecord.purchase(member.chain(), member.card(), transactionId, total).at(now()).json());
    }

    void refund(Member member, String transactionId, String originalTransactionId, String total) {
        outside.send(Topics.TRANSACTIONS, member.card(),
                TillRecord.refund(member.chain(), member.card(), transactionId, total, originalTransactionId)
                        .at(now()).json());
    }

    /** The rewards saga's debit request for {@code points}, as rewards-service sends it. */
    void redeem(Member member, String requestId, long points) {
        outside.sendCloudEvent(new PointsDebitRequested(requestId, member.id(), member.chain(), BigDecimal.valueOf(points),
                "reward:it", now()));
    }

    JsonNode balance(Member member) {
        return outside.json("/members/" + member.id() + "/points");
    }

    /** Waits until the balance's {@code field} is {@code value}; returns the balance. */
    JsonNode awaitBalance(Member member, String field, long value) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Outside.PATIENCE).untilAsserted(() -> {
            last[0] = balance(member);
            assertEquals(value, last[0].path(field).asLong(), last[0].toString());
        });
        return last[0];
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }
}

package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patronage.contracts.Topics;
import io.patronage.harness.Service;
import io.patronage.infra.LocalTokens;
import io.patronage.testsupport.HttpProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.patronage.launcher.Outside.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redemptions and coupon uses raced against each other on the whole platform (issue 13, item 6): members' apps fire
 * at once, through HTTP, with their own tokens; points-service debits over Kafka; the tills send through Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewardsConcurrencyIT {

    private static final String CHAIN = "aegean-market-gr";
    private static final long COST = 100;

    @RegisterExtension
    final RunningPlatform running = new RunningPlatform(Duration.ofMinutes(3), System.out);

    private LocalTokens tokens;

    @BeforeAll
    void tokens() {
        tokens = TokenCommand.keys(running.dataDir());
    }

    @Test
    void twoHundredRedemptionsOfTenInStockByFiftyMembersMakeExactlyTenAndDebitNobodyElse() throws Exception {
        String reward = "limited-" + UUID.randomUUID();
        putReward(reward, "\"stock\":10");
        List<Member> members = membersWithPoints(50, "500.00", reward);

        List<Attempt> attempts = raced(200, i -> members.get(i % members.size()), reward);

        Map<String, Long> outcomes = settle(attempts);
        assertEquals(Map.of("COMPLETED", 10L, "out-of-stock", 190L), outcomes,
                "ten units: ten coupons; every other attempt refused as out of stock");
        awaiting("points-service debited the ten, and nothing for the refused ones").untilAsserted(() ->
                assertEquals(10 * COST, members.stream().mapToLong(member -> 500 - balance(member)).sum()));
    }

    @Test
    void aHundredRedemptionsByOneMemberWithPointsForThreeMakeExactlyThreeAndACouponUsedTwiceAtOnceIsUsedOnce()
            throws Exception {
        String reward = "coffee-" + UUID.randomUUID();
        putReward(reward, "\"stock\":null");
        Member member = membersWithPoints(1, "350.00", reward).get(0);

        List<Attempt> attempts = raced(100, i -> member, reward);

        Map<String, Long> outcomes = settle(attempts);
        assertEquals(3L, outcomes.get("COMPLETED"), outcomes.toString());
        assertEquals(97L, outcomes.entrySet().stream().filter(e -> e.getKey().contains("insufficient-points")
                || e.getKey().equals("REJECTED INSUFFICIENT_POINTS")).mapToLong(Map.Entry::getValue).sum(),
                "every other one refused for want of points: " + outcomes);
        awaiting("350 points less three coffees").untilAsserted(() -> assertEquals(50, balance(member)));

        String code = attempts.stream().map(Attempt::redemption).filter(view -> view != null
                && "COMPLETED".equals(view.path("status").asText())).findFirst().orElseThrow()
                .path("couponCode").asText();
        // two tills, two orders, the same coupon at the same moment: keyed differently, so on different partitions
        String first = "T-a-" + UUID.randomUUID();
        String second = "T-b-" + UUID.randomUUID();
        running.outside().produce(member.card(), purchase(first, member.card(), "4.00", code));
        running.outside().produce(second, purchase(second, member.card(), "4.00", code));

        awaiting("one use recorded, the other rejected and published").untilAsserted(() -> {
            assertEquals(1, couponEvents("CouponUsed", code).size());
            assertEquals(1, couponEvents("CouponUseRejected", code).size());
        });
        JsonNode used = couponEvents("CouponUsed", code).get(0);
        JsonNode rejected = couponEvents("CouponUseRejected", code).get(0);
        assertEquals(List.of(first, second).stream().sorted().toList(),
                List.of(used.path("transactionId").asText(), rejected.path("transactionId").asText()).stream()
                        .sorted().toList(), "each order either used it or was refused it");
        assertEquals("ALREADY_USED", rejected.path("reason").asText(), rejected.toString());
        JsonNode coupons = member.app(rewards()).getJson("/members/" + member.id() + "/coupons");
        JsonNode coupon = coupons.findParents("couponCode").stream()
                .filter(c -> code.equals(c.path("couponCode").asText())).findFirst().orElseThrow();
        assertEquals("USED", coupon.path("status").asText(), coupon.toString());
        assertEquals(used.path("transactionId").asText(), coupon.path("transactionId").asText());
    }

    /** A member's id, card and own token (as the member's app holds it). */
    private record Member(String id, String card, String token) {
        HttpProbe app(java.net.URI rewards) {
            return new HttpProbe(rewards).as(token);
        }
    }

    /** One redemption request: refused at once (its problem type), or accepted and then its final view. */
    private record Attempt(Member member, HttpResponse<String> answer, JsonNode redemption) {
    }

    private interface Chooser {
        Member member(int attempt);
    }

    /** All at once: every request waits at a gate, then 32 threads fire them. */
    private List<Attempt> raced(int count, Chooser chooser, String reward) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Attempt>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Member member = chooser.member(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    HttpResponse<String> answer = member.app(rewards()).post("/members/" + member.id()
                            + "/redemptions", "{\"rewardId\":\"" + reward + "\"}");
                    return new Attempt(member, answer, null);
                }));
            }
            gate.countDown();
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> future : futures) {
                attempts.add(future.get());
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits for every accepted redemption to end; counts the outcomes: {@code COMPLETED}, {@code REJECTED <reason>},
     * or the problem type of a refusal at the request (e.g. {@code out-of-stock}).
     */
    private Map<String, Long> settle(List<Attempt> attempts) {
        List<Attempt> settled = new ArrayList<>();
        for (Attempt attempt : attempts) {
            int status = attempt.answer().statusCode();
            if (status == 409) {
                String type = HttpProbe.json(attempt.answer()).path("type").asText();
                settled.add(new Attempt(attempt.member(), attempt.answer(), ((ObjectNode) HttpProbe.json(attempt.answer()))
                        .put("outcome", type.substring(type.lastIndexOf(':') + 1))));
                continue;
            }
            assertEquals(202, status, attempt.answer().body());
            String id = HttpProbe.json(attempt.answer()).path("redemptionId").asText();
            JsonNode view = awaiting("redemption " + id + " ends").until(
                    () -> attempt.member().app(rewards()).getJson("/redemptions/" + id),
                    found -> !"PENDING".equals(found.path("status").asText()));
            String outcome = view.path("status").asText()
                    + (view.hasNonNull("reason") ? " " + view.path("reason").asText() : "");
            settled.add(new Attempt(attempt.member(), attempt.answer(), ((ObjectNode) view.deepCopy())
                    .put("outcome", outcome)));
        }
        attempts.clear();
        attempts.addAll(settled);
        return settled.stream().collect(Collectors.groupingBy(a -> a.redemption().path("outcome").asText(),
                TreeMap::new, Collectors.counting()));
    }

    private void putReward(String reward, String stock) {
        HttpResponse<String> created = new HttpProbe(rewards()).as(tokens.mint("ops-concurrency", List.of("ops"),
                List.of(CHAIN), Duration.ofHours(1))).put("/chains/" + CHAIN + "/rewards/" + reward, """
                {"name":{"en":"Raced"},"pointsCost":%d,"couponValidityDays":30,%s}""".formatted(COST, stock));
        assertEquals(201, created.statusCode(), created.body());
    }

    /**
     * Enrolled, each with one purchase of {@code total} EUR (1 point per euro), and known to rewards-service with
     * their points: the reward is redeemable for each.
     */
    private List<Member> membersWithPoints(int count, String total, String reward) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode enrolled = running.outside().enroll(running.platform().url(Service.ENROLLMENT), CHAIN);
            String id = enrolled.path("memberId").asText();
            String card = enrolled.path("cardNumber").asText();
            members.add(new Member(id, card, tokens.mint(id, List.of("member"), List.of(), Duration.ofHours(1))));
            running.outside().produce(card, purchase("T-" + UUID.randomUUID(), card, total, null));
        }
        long points = Math.round(Double.parseDouble(total));
        for (Member member : members) {
            awaiting("the purchase is on " + member.id() + "'s balance")
                    .untilAsserted(() -> assertEquals(points, balance(member)));
            awaiting("rewards-service knows " + member.id() + " and their points").until(() -> running.outside()
                    .find(rewards(), "/rewards?chainId=" + CHAIN + "&memberId=" + member.id()).findParents("redeemable")
                    .stream().anyMatch(offer -> offer.toString().contains(reward)
                            && offer.path("redeemable").asBoolean()));
        }
        return members;
    }

    private long balance(Member member) {
        return running.outside().balance(running.platform().url(Service.POINTS), member.id());
    }

    private java.net.URI rewards() {
        return running.platform().url(Service.REWARDS);
    }

    private List<JsonNode> couponEvents(String type, String code) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : running.outside().readAll(Topics.REWARDS.name())) {
            var header = record.headers().lastHeader("ce_type");
            if (header != null && new String(header.value()).equals("io.patronage." + type)) {
                JsonNode event = HttpProbe.parse(new String(record.value(), StandardCharsets.UTF_8));
                if (code.equals(event.path("couponCode").asText())) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** A purchase at the till, with a coupon code or none. */
    private static String purchase(String transactionId, String card, String total, String couponCode) {
        String occurredAt = OffsetDateTime.now(ZoneId.of("Europe/Athens")).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"ath-syntagma","cardNumber":"%s","type":"PURCHASE",
                 "occurredAt":"%s","currency":"EUR","total":"%s",
                 "lines":[{"sku":"COFFEE","category":"drinks","quantity":1,"unitPrice":"%s"}],
                 "couponCodes":[%s]}
                """.formatted(transactionId, CHAIN, card, occurredAt, total, total,
                couponCode == null ? "" : "\"" + couponCode + "\"");
    }
}

package io.patronage.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.json.Json;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Customer value and baskets through the embedded broker and HTTP: topics, endpoints, erasure, bad parameters. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerValueIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Inject
    EmbeddedServer server;

    private final HttpProbe anonymous = new HttpProbe(() -> this.server.getPort());
    private final HttpProbe analyst = anonymous.as(TestTokens.analyst("*"));
    private final KafkaProbe kafka = new KafkaProbe();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.serviceProperties("analytics-value-it"));
        try {
            properties.put("patronage.analytics.application-id", "analytics-value-it-" + UUID.randomUUID() + ".views");
            properties.put("patronage.analytics.state-dir", Files.createTempDirectory("analytics-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("patronage.analytics.publish-interval", "200ms");
        properties.put("patronage.analytics.top-customers", "1");
        return properties;
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void customerValueAndBasketsArePublishedServedAndForgetAnErasedMember() throws Exception {
        String chain = "chain-" + UUID.randomUUID();
        event("c-" + chain, new ChainConfigured(chain, "EUR", "Europe/Athens", "el-GR", null, AT));
        event("e1-" + chain, new MemberEnrolled("m-ann", chain, "C-ANN", null, "el-GR", AT));
        event("e2-" + chain, new MemberEnrolled("m-ben", chain, "C-BEN", null, "el-GR", AT));
        await().atMost(PATIENCE).until(() -> analyst.get("/analytics/customers?chainId=" + chain).statusCode() == 200);
        // the card stage must know the cards before the sales reach it
        await().atMost(PATIENCE).until(() -> enrolled(chain) == 2);

        sale(chain, "t1", "C-ANN", "PURCHASE", "30.00", null, "bread", "milk");
        sale(chain, "t2", "C-ANN", "PURCHASE", "20.00", null, "bread", "jam");
        sale(chain, "t3", "C-BEN", "PURCHASE", "100.00", null, "bread", "milk");
        sale(chain, "t4", "C-BEN", "RETURN", "40.00", "t3");
        sale(chain, "t3", "C-BEN", "PURCHASE", "100.00", null, "bread", "milk");

        // ann: 2 orders, 50.00; ben: 100 − 40 = 60.00 in 1. Recency: same day, both 1; frequency: ben 1,
        // ann 5 × 1 / 2 + 1 = 3; monetary: ann 1, ben 3. 3 orders, 110.00 over 30 days (the minimum)
        await().atMost(PATIENCE).until(() -> summary(chain).get("orders").asLong() == 3
                && summary(chain).get("spend").decimalValue().compareTo(new BigDecimal("110")) == 0);
        JsonNode summary = summary(chain);
        assertEquals(2, summary.get("customers").asLong());
        assertEquals(0, new BigDecimal("36.67").compareTo(summary.get("averageOrderValue").decimalValue()));
        assertEquals(30, summary.get("observedDays").asLong());
        // CLV = 110 × 365 × 3 / (2 × 30)
        assertEquals(0, new BigDecimal("2007.50").compareTo(summary.get("clv").decimalValue()), summary.toString());
        assertEquals(1, summary.get("best").size(), "top-customers = 1");
        assertEquals("m-ben", summary.get("best").get(0).get("memberId").asText(), "ann 131 and ben 113 tie on 5: the higher spend first");
        assertEquals("m-ann", summary.get("worst").get(0).get("memberId").asText());

        JsonNode members = HttpProbe.json(analyst.get("/analytics/customers/members?chainId=" + chain + "&size=1&page=1"));
        assertEquals(1, members.size(), "the second page of one");
        assertEquals("m-ben", members.get(0).get("memberId").asText());
        assertEquals("113", members.get(0).get("rfm").asText());

        await().atMost(PATIENCE).until(() -> HttpProbe.json(analyst.get("/analytics/baskets?chainId=" + chain
                + "&level=sku")).path(0).path("transactions").asLong() == 3);
        JsonNode pair = HttpProbe.json(analyst.get("/analytics/baskets?chainId=" + chain + "&level=sku")).get(0)
                .get("pairs").get(0);
        assertEquals("bread", pair.get("a").asText());
        assertEquals("milk", pair.get("b").asText());
        assertEquals(2, pair.get("together").asLong(), "t3 resent, its return not un-counting it");
        assertEquals(2, HttpProbe.json(analyst.get("/analytics/baskets?chainId=" + chain)).size(), "sku and category");
        String csv = analyst.get("/analytics/baskets?chainId=" + chain + "&level=sku&format=csv").body();
        assertEquals("chainId,level,transactions,a,b,together,support,confidenceAB,confidenceBA,lift",
                csv.lines().findFirst().orElseThrow(), "one CSV line per pair: " + csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith(chain + ",sku,3,bread,milk,2,"), csv);
        String rows = analyst.get("/analytics/customers/members?chainId=" + chain + "&size=1&page=1&format=csv").body();
        assertTrue(rows.lines().skip(1).findFirst().orElseThrow().contains("m-ben"), rows);

        // a coupon issued at 10:00 UTC and used at the till 2 days later, on a purchase without a card
        event("k1-" + chain, new CouponIssued("K1", "m-ann", chain, "red-1", "reward-1", 100, AT, null));
        String couponSale = "{\"transactionId\":\"k1\",\"chainId\":\"" + chain + "\",\"storeId\":\"s1\","
                + "\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-29T12:00:00+02:00\",\"currency\":\"EUR\","
                + "\"total\":\"8.00\",\"lines\":[],\"couponCodes\":[\"K1\"]}";
        kafka.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), 0, "k1", couponSale.getBytes(StandardCharsets.UTF_8)));
        await().atMost(PATIENCE).until(() -> HttpProbe.json(analyst.get("/analytics/coupons?chainId=" + chain))
                .get("used").asLong() == 1);
        JsonNode coupons = HttpProbe.json(analyst.get("/analytics/coupons?chainId=" + chain));
        assertEquals(1, coupons.get("issued").asLong());
        assertEquals(0, new BigDecimal("2.00").compareTo(coupons.get("averageDaysToUse").decimalValue()), coupons.toString());
        assertEquals(1, coupons.get("ordersWithCoupon").asLong());
        assertEquals(3, coupons.get("ordersWithoutCoupon").asLong(), "t1, t2, t3 (once), and not the return");

        event("x-" + chain, new MemberErased("m-ann", chain, AT.plusSeconds(60)));
        await().atMost(PATIENCE).until(() -> summary(chain).get("customers").asLong() == 1);
        assertFalse(analyst.get("/analytics/customers/members?chainId=" + chain).body().contains("m-ann"));
        assertFalse(analyst.get("/analytics/customers?chainId=" + chain).body().contains("m-ann"));
        Map<String, ConsumerRecord<String, byte[]>> compacted = new HashMap<>();
        await().atMost(PATIENCE).until(() -> {
            kafka.everyRecordInTheLog(Topics.CUSTOMERS.name()).stream()
                    .filter(record -> record.key().startsWith(chain + "|"))
                    .forEach(record -> compacted.put(record.key(), record));
            return compacted.containsKey(chain + "|member|m-ann") && compacted.get(chain + "|member|m-ann").value() == null;
        });
        assertNull(compacted.get(chain + "|member|m-ann").value(), "a tombstone");
        compacted.values().stream().filter(record -> record.value() != null).forEach(record ->
                assertFalse(new String(record.value(), StandardCharsets.UTF_8).contains("m-ann"), record.key()));
        assertTrue(compacted.containsKey(chain + "|summary"));
        assertTrue(Json.mapper().readTree(compacted.get(chain + "|summary").value()).get("customers").asLong() >= 1);
    }

    @Test
    void badParametersAreProblemsAndOtherChainsAreForbidden() {
        HttpProbe.assertProblem(analyst.get("/analytics/customers"), 400);
        HttpProbe.assertProblem(analyst.get("/analytics/customers/members?chainId=x&size=501"), 400);
        HttpProbe.assertProblem(analyst.get("/analytics/customers/members?chainId=x&page=-1"), 400);
        HttpProbe.assertProblem(analyst.get("/analytics/baskets?chainId=x&level=brand"), 400);
        HttpProbe.assertProblem(analyst.get("/analytics/baskets?chainId=no-such-chain"), 404, "urn:patronage:problem:unknown-chain");
        assertEquals(401, anonymous.get("/analytics/customers?chainId=x").statusCode());
        HttpProbe.assertProblem(anonymous.as(TestTokens.analyst("another-chain")).get("/analytics/baskets?chainId=x"), 403);
    }

    private JsonNode summary(String chain) {
        HttpResponse<String> response = analyst.get("/analytics/customers?chainId=" + chain);
        assertEquals(200, response.statusCode(), response.body());
        return HttpProbe.json(response);
    }

    private long enrolled(String chain) {
        return HttpProbe.json(analyst.get("/analytics/participation?chainId=" + chain)).get("enrolledMembers").asLong();
    }

    private void event(String id, IntegrationEvent event) {
        kafka.send(CloudEventRecord.of(event).withId(id).withTime(AT).onPartition(0));
    }

    private void sale(String chain, String id, String card, String type, String total, String original,
                      String... skus) {
        StringBuilder lines = new StringBuilder();
        for (String sku : skus) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"sku\":\"").append(sku)
                    .append("\",\"category\":\"food\",\"quantity\":1,\"unitPrice\":\"1.00\"}");
        }
        String value = "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + chain + "\",\"storeId\":\"s1\","
                + "\"cardNumber\":\"" + card + "\",\"type\":\"" + type + "\","
                + "\"occurredAt\":\"2026-11-27T12:00:00+02:00\",\"currency\":\"EUR\",\"total\":\"" + total + "\","
                + "\"lines\":[" + lines + "],\"couponCodes\":[]"
                + (original == null ? "" : ",\"originalTransactionId\":\"" + original + "\"") + "}";
        kafka.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), 0, card, value.getBytes(StandardCharsets.UTF_8)));
    }
}

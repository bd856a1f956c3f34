package io.patronage.kit.kafka;

import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PosTransactionDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Map<String, ChainConfigured> CHAINS = Map.of(
            "gr-1", chain("gr-1", "EUR", null),
            "ir-1", chain("ir-1", "IRR", null),
            "jp-1", chain("jp-1", "JPY", null),
            "kw-1", chain("kw-1", "KWD", null),
            "pv-1", new ChainConfigured("pv-1", "EUR", "UTC", "en", null, null, new BigDecimal("0.01"), Instant.EPOCH),
            "pv-2", new ChainConfigured("pv-2", "EUR", "UTC", "en", null, null, BigDecimal.ONE, Instant.EPOCH),
            "pv-3", new ChainConfigured("pv-3", "EUR", "UTC", "en", null, null, new BigDecimal("0.005"), Instant.EPOCH),
            "small-1", chain("small-1", "EUR", new TillLimits(new BigDecimal("1000.00"), 3, Duration.ofMinutes(2),
                    Duration.ofDays(30))));

    private final PosTransactionDecoder decoder = new PosTransactionDecoder(
            chainId -> Optional.ofNullable(CHAINS.get(chainId)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void decodesAPurchaseWithItsIdentityAndExactAmounts() {
        InboundMessage message = decoder.decode(record("""
                {"transactionId":"t-1","chainId":"gr-1","storeId":"ath-01","cardNumber":"7000000000000001",
                 "type":"PURCHASE","occurredAt":"2026-11-27T09:15:00+02:00","currency":"EUR","total":"123.45",
                 "lines":[{"sku":"A1","category":"coffee","quantity":2,"unitPrice":61.725},
                          {"sku":"C1","category":"coffee","quantity":1,"unitPrice":0,"paidWithReward":true}],
                 "couponCodes":["FREE-COFFEE"]}
                """));

        PosTransaction transaction = (PosTransaction) message.payload();
        assertEquals("gr-1:t-1", message.messageId());
        assertEquals(TransactionType.PURCHASE, transaction.type());
        assertEquals(new BigDecimal("123.45"), transaction.total());
        assertEquals(new BigDecimal("61.725"), transaction.lines().get(0).unitPrice());
        assertTrue(!transaction.lines().get(0).wasPaidWithReward(), "absent means not paid with a reward");
        assertTrue(transaction.lines().get(1).wasPaidWithReward());
        assertEquals("2026-11-27T07:15:00Z", message.time().toString());
    }

    @Test
    void acceptsAnAnonymousTransactionInACurrencyWithoutMinorUnits() {
        InboundMessage message = decoder.decode(record("""
                {"transactionId":"t-2","chainId":"ir-1","storeId":"thr-01","cardNumber":null,"type":"PURCHASE",
                 "occurredAt":"2026-11-27T12:00:00+03:30","currency":"IRR","total":1500000,"lines":[]}
                """));

        PosTransaction transaction = (PosTransaction) message.payload();
        assertEquals(new BigDecimal("1500000"), transaction.total());
        assertNull(transaction.cardNumber());
    }

    @Test
    void namesEveryMissingOrInvalidField() {
        PoisonMessageException error = assertThrows(PoisonMessageException.class, () -> decoder.decode(record("""
                {"transactionId":"t-3","type":"PURCHASE","currency":"XYZ","total":-5}
                """)));

        String reason = error.getMessage();
        assertTrue(reason.contains("chainId is required"), reason);
        assertTrue(reason.contains("storeId is required"), reason);
        assertTrue(reason.contains("occurredAt is required"), reason);
        assertTrue(reason.contains("XYZ is not an ISO 4217 code"), reason);
        assertTrue(reason.contains("total must not be negative"), reason);
    }

    @Test
    void refusesMalformedJsonAnUnknownTypeAndOversizeRecords() {
        PoisonMessageException malformed = assertThrows(PoisonMessageException.class,
                () -> decoder.decode(record("{not json")));
        assertTrue(malformed.getMessage().endsWith("(line 1, column 2)"), malformed.getMessage());
        assertTrue(!malformed.getMessage().contains("Source:"), malformed.getMessage());
        PoisonMessageException badType = assertThrows(PoisonMessageException.class, () -> decoder.decode(record("""
                {"transactionId":"t","chainId":"c","storeId":"s","type":"REFUND",
                 "occurredAt":"2026-11-27T12:00:00Z","currency":"EUR","total":1}
                """)));
        assertTrue(badType.getMessage().contains("type"), badType.getMessage());
        assertThrows(PoisonMessageException.class, () -> decoder.decode(record("x".repeat(RecordSize.MAX_BYTES + 1))));
        assertThrows(PoisonMessageException.class, () -> decoder.decode(record("")));
    }

    @Test
    void refusesAnUnknownChainNamingItShortly() {
        String reason = refused(sale("t-9", "nowhere-" + "x".repeat(120), "EUR", "10.00", "2026-11-27T09:15:00+02:00"));
        assertTrue(reason.startsWith("unknown chain nowhere-"), reason);
        assertTrue(reason.length() < 200, reason);
    }

    @Test
    void refusesAnotherCurrencyThanTheChains() {
        String reason = refused(sale("t-10", "gr-1", "IRR", "5000000", "2026-11-27T09:15:00+02:00"));
        assertTrue(reason.contains("currency IRR is not the chain's currency EUR"), reason);
    }

    @Test
    void refusesATotalOverTheChainsMaximumOrTheDefaultOne() {
        String small = refused(sale("t-11", "small-1", "EUR", "1000.01", "2026-11-30T09:15:00+02:00"));
        assertTrue(small.contains("total 1000.01 exceeds the chain's maximum of 1000.00 EUR"), small);
        String huge = refused(sale("t-12", "gr-1", "EUR", "1000000000000.01", "2026-11-27T09:15:00+02:00"));
        assertTrue(huge.contains("exceeds the chain's maximum of 1000000000000 EUR"), huge);
        String overflow = refused(sale("t-13", "ir-1", "IRR", "9223372036854775807", "2026-11-27T09:15:00+02:00"));
        assertTrue(overflow.contains("total 9223372036854775807 exceeds"), overflow);

        InboundMessage millions = decoder.decode(record(sale("t-14", "ir-1", "IRR", "999999999999",
                "2026-11-27T09:15:00+02:00")));
        assertEquals(new BigDecimal("999999999999"), ((PosTransaction) millions.payload()).total());
    }

    @Test
    void refusesMoreLinesThanTheChainAllowsAndLinesWorthMoreThanAReceipt() {
        String line = "{\"sku\":\"A1\",\"category\":\"c\",\"quantity\":1,\"unitPrice\":\"1.00\"}";
        String four = refused(saleWithLines("small-1", "EUR", "4.00", String.join(",", line, line, line, line)));
        assertTrue(four.contains("lines has 4 lines, the chain allows at most 3"), four);
        String many = refused(saleWithLines("gr-1", "EUR", "501.00", String.join(",", java.util.Collections.nCopies(501, line))));
        assertTrue(many.contains("lines has 501 lines, the chain allows at most 500"), many);
        String costly = refused(saleWithLines("gr-1", "EUR", "1.00",
                "{\"sku\":\"A1\",\"quantity\":1000000,\"unitPrice\":\"10000000\"}"));
        assertTrue(costly.contains("lines[0] amount (quantity × unitPrice) exceeds"), costly);
        String crowd = refused(saleWithLines("gr-1", "EUR", "1.00",
                "{\"sku\":\"A1\",\"quantity\":1000001,\"unitPrice\":0}"));
        assertTrue(crowd.contains("lines[0].quantity must be between 0 and 1000000"), crowd);
    }

    @Test
    void refusesATimeFarAheadOfTheClockOrBeforeTheChainsHorizon() {
        String future = refused(sale("t-15", "gr-1", "EUR", "10.00", "9999-12-31T23:59:59Z"));
        assertTrue(future.contains("occurredAt 9999-12-31T23:59:59Z is later than now plus the chain's clock skew of PT10M"),
                future);
        decoder.decode(record(sale("t-16", "gr-1", "EUR", "10.00", "2026-12-01T08:09:00Z")));
        String skewed = refused(sale("t-17", "small-1", "EUR", "10.00", "2026-12-01T08:03:00Z"));
        assertTrue(skewed.contains("clock skew of PT2M"), skewed);
        String ancient = refused(sale("t-18", "gr-1", "EUR", "10.00", "1970-01-01T00:00:00Z"));
        assertTrue(ancient.contains("occurredAt 1970-01-01T00:00Z is before 2000-01-01T00:00:00Z"), ancient);
        String stale = refused(sale("t-19", "small-1", "EUR", "10.00", "2026-10-01T00:00:00Z"));
        assertTrue(stale.contains("is before 2026-11-01T08:00:00Z (the chain accepts records up to PT720H old)"), stale);
    }

    @Test
    void refusesOversizeIdsWithoutRepeatingThem() {
        String hugeId = "T".repeat(200 * 1024);
        String reason = refused(sale(hugeId, "gr-1", "EUR", "10.00", "2026-11-27T09:15:00+02:00"));
        assertEquals("invalid transaction: transactionId has 204800 characters, at most 128", reason);

        String codes = refused("""
                {"transactionId":"t-20","chainId":"gr-1","storeId":"%s","cardNumber":"%s","type":"PURCHASE",
                 "occurredAt":"2026-11-27T09:15:00+02:00","currency":"EUR","total":"1.00","originalTransactionId":"%s",
                 "lines":[{"sku":"%s","category":"%s","quantity":1,"unitPrice":"1.00"}],"couponCodes":["%s"]}
                """.formatted("s".repeat(129), "c".repeat(129), "o".repeat(129), "k".repeat(129), "g".repeat(129),
                "p".repeat(129)));
        for (String field : new String[]{"storeId", "cardNumber", "originalTransactionId", "lines[0].sku",
                "lines[0].category", "couponCodes[0]"}) {
            assertTrue(codes.contains(field + " has 129 characters, at most 128"), codes);
        }
        String badValue = refused("{\"transactionId\":\"t\",\"total\":\"" + "9,".repeat(50_000) + "\"}");
        assertTrue(badValue.length() < 1_000, badValue.length() + " characters");
    }

    @Test
    void refusesAmountsFinerThanTheCurrencysMinorUnits() {
        String euroCents = refused(sale("t-21", "gr-1", "EUR", "10.001", "2026-11-27T09:15:00+02:00"));
        assertTrue(euroCents.contains("total has 3 decimals, at most 2"), euroCents);
        String yen = refused(sale("t-22", "jp-1", "JPY", "1500.5", "2026-11-27T09:15:00+09:00"));
        assertTrue(yen.contains("total has 1 decimals, at most 0"), yen);
        // ISO 4217 (and so java.util.Currency) gives the rial two minor units, unused in practice
        String rial = refused(sale("t-23", "ir-1", "IRR", "1500000.505", "2026-11-27T09:15:00+03:30"));
        assertTrue(rial.contains("total has 3 decimals, at most 2"), rial);
        String price = refused(saleWithLines("gr-1", "EUR", "1.00",
                "{\"sku\":\"A1\",\"quantity\":1,\"unitPrice\":\"0.0000001\"}"));
        assertTrue(price.contains("lines[0].unitPrice has 7 decimals, at most 6"), price);

        decoder.decode(record(sale("t-24", "jp-1", "JPY", "1500.00", "2026-11-27T09:15:00+09:00")));
        decoder.decode(record(sale("t-25", "kw-1", "KWD", "12.345", "2026-11-27T09:15:00+03:00")));
    }

    @Test
    void decodesAPointsPaymentWorthExactlyItsPointsAtTheChainsPointValue() {
        PosTransaction transaction = (PosTransaction) decoder.decode(record(paidWithPoints("pv-1", "t-p1", "20.00",
                "{\"points\":500,\"amount\":\"5.00\"}"))).payload();

        assertEquals(new BigDecimal("500"), transaction.pointsPayment().points());
        assertEquals(new BigDecimal("5.00"), transaction.pointsPayment().amount());
        decoder.decode(record(paidWithPoints("pv-1", "t-p2", "5.00", "{\"points\":500,\"amount\":5}")));
        // a chain whose points keep decimals and are worth a euro each
        PosTransaction fractional = (PosTransaction) decoder.decode(record(paidWithPoints("pv-2", "t-p10", "20.00",
                "{\"points\":2.57,\"amount\":\"2.57\"}"))).payload();
        assertEquals(new BigDecimal("2.57"), fractional.pointsPayment().points(), "points with decimals, exactly");
    }

    @Test
    void refusesAnImplausiblePointsPaymentNamingTheField() {
        String worth = refused(paidWithPoints("pv-1", "t-p3", "20.00", "{\"points\":500,\"amount\":\"4.99\"}"));
        assertTrue(worth.contains("pointsPayment.amount 4.99 is not what 500 points are worth at the chain's"
                + " pointValue of 0.01 EUR (5.00)"), worth);
        String above = refused(paidWithPoints("pv-1", "t-p4", "4.00", "{\"points\":500,\"amount\":\"5.00\"}"));
        assertTrue(above.contains("pointsPayment.amount 5.00 is more than the total 4.00"), above);
        String none = refused(paidWithPoints("pv-1", "t-p5", "20.00", "{\"points\":0,\"amount\":\"0\"}"));
        assertTrue(none.contains("pointsPayment.points must be above 0 and at most"), none);
        String finer = refused(paidWithPoints("pv-1", "t-p11", "20.00", "{\"points\":1.001,\"amount\":\"0.01\"}"));
        assertTrue(finer.contains("pointsPayment.points has more than 2 decimals: 1.001"), finer);
        assertTrue(none.contains("pointsPayment.amount must be above 0"), none);
        String cents = refused(paidWithPoints("pv-3", "t-p6", "20.00", "{\"points\":1,\"amount\":\"0.005\"}"));
        assertTrue(cents.contains("pointsPayment.amount has 3 decimals, at most 2"), cents);
        String missing = refused(paidWithPoints("pv-1", "t-p7", "20.00", "{\"points\":10}"));
        assertTrue(missing.contains("pointsPayment.amount is required"), missing);
        String noValue = refused(paidWithPoints("gr-1", "t-p8", "20.00", "{\"points\":500,\"amount\":\"5.00\"}"));
        assertTrue(noValue.contains("pointsPayment: chain gr-1 has no pointValue"), noValue);
        String onReturn = refused(paidWithPoints("pv-1", "t-p9", "20.00", "{\"points\":500,\"amount\":\"5.00\"}")
                .replace("PURCHASE", "RETURN"));
        assertTrue(onReturn.contains("pointsPayment is only for a PURCHASE"), onReturn);
    }

    private static String paidWithPoints(String chain, String id, String total, String payment) {
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"s-1","cardNumber":"7000000000000001","type":"PURCHASE",
                 "occurredAt":"2026-11-30T09:15:00+02:00","currency":"EUR","total":"%s","pointsPayment":%s}
                """.formatted(id, chain, total, payment);
    }

    private String refused(String json) {
        return assertThrows(PoisonMessageException.class, () -> decoder.decode(record(json))).getMessage();
    }

    private static String sale(String id, String chain, String currency, String total, String at) {
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"s-1","cardNumber":"7000000000000001","type":"PURCHASE",
                 "occurredAt":"%s","currency":"%s","total":"%s","lines":[]}
                """.formatted(id, chain, at, currency, total);
    }

    private static String saleWithLines(String chain, String currency, String total, String lines) {
        return """
                {"transactionId":"t-l","chainId":"%s","storeId":"s-1","type":"PURCHASE",
                 "occurredAt":"2026-11-30T09:15:00+02:00","currency":"%s","total":"%s","lines":[%s]}
                """.formatted(chain, currency, total, lines);
    }

    private static ChainConfigured chain(String id, String currency, TillLimits limits) {
        return new ChainConfigured(id, currency, "UTC", "en", limits, Instant.EPOCH);
    }

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("retail.transactions.v1", 0, 0L, "key", json.getBytes(StandardCharsets.UTF_8));
    }
}

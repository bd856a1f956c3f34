package io.patronage.kit.kafka;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PosTransactionDecoderTest {

    private final PosTransactionDecoder decoder = new PosTransactionDecoder();

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

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("retail.transactions.v1", 0, 0L, "key", json.getBytes(StandardCharsets.UTF_8));
    }
}

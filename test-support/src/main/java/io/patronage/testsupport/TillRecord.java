package io.patronage.testsupport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A till's record on {@code retail.transactions.v1} as a POS system writes it (plain JSON, the total as a decimal
 * string): a purchase in EUR at {@code store-7}, stamped now in Athens' offset, without lines, unless told otherwise.
 */
public record TillRecord(String transactionId, String chainId, String storeId, String cardNumber, String type,
                         OffsetDateTime occurredAt, String total, String linesJson, String originalTransactionId) {

    public static TillRecord purchase(String chainId, String cardNumber, String transactionId, String total) {
        return new TillRecord(transactionId, chainId, "store-7", cardNumber, "PURCHASE",
                OffsetDateTime.now(ZoneOffset.ofHours(2)), total, "[]", null);
    }

    /** A return of {@code originalTransactionId}, refunding {@code total}. */
    public static TillRecord refund(String chainId, String cardNumber, String transactionId, String total,
                                    String originalTransactionId) {
        return new TillRecord(transactionId, chainId, "store-7", cardNumber, "RETURN",
                OffsetDateTime.now(ZoneOffset.ofHours(2)), total, "[]", originalTransactionId);
    }

    public TillRecord at(Instant instant) {
        return at(instant.atOffset(occurredAt.getOffset()));
    }

    public TillRecord at(OffsetDateTime time) {
        return new TillRecord(transactionId, chainId, storeId, cardNumber, type, time, total, linesJson,
                originalTransactionId);
    }

    public TillRecord atStore(String store) {
        return new TillRecord(transactionId, chainId, store, cardNumber, type, occurredAt, total, linesJson,
                originalTransactionId);
    }

    /** @param json the {@code lines} array as JSON */
    public TillRecord withLines(String json) {
        return new TillRecord(transactionId, chainId, storeId, cardNumber, type, occurredAt, total, json,
                originalTransactionId);
    }

    public String json() {
        return """
                {"transactionId":"%s","chainId":"%s","storeId":"%s","cardNumber":"%s","type":"%s",
                 "occurredAt":"%s","currency":"EUR","total":"%s","lines":%s,"couponCodes":[],
                 "originalTransactionId":%s}"""
                .formatted(transactionId, chainId, storeId, cardNumber, type, occurredAt, total, linesJson,
                        originalTransactionId == null ? "null" : "\"" + originalTransactionId + "\"");
    }
}

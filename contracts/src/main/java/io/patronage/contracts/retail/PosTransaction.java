package io.patronage.contracts.retail;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A till transaction as POS systems send it to {@code retail.transactions.v1}: a plain JSON value,
 * no envelope. {@code (chainId, transactionId)} identifies it; a resent record has the same pair.
 *
 * @param cardNumber            the member's card, {@code null} for a non-member transaction
 * @param occurredAt            local time at the till with its offset, ISO-8601
 * @param currency              ISO 4217 code; {@code total} uses its minor units
 * @param originalTransactionId for a RETURN, the purchase being returned, when known
 * @param pointsPayment         for a PURCHASE, the part of {@code total} the member pays with points; {@code null}
 *                              (absent) when points pay nothing, as in every record from before the field
 */
public record PosTransaction(String transactionId,
                             String chainId,
                             String storeId,
                             String cardNumber,
                             TransactionType type,
                             OffsetDateTime occurredAt,
                             String currency,
                             BigDecimal total,
                             List<TransactionLine> lines,
                             List<String> couponCodes,
                             String originalTransactionId,
                             PointsPayment pointsPayment) {

    /** A transaction without points paying for it, as every till record before {@code pointsPayment}. */
    public PosTransaction(String transactionId, String chainId, String storeId, String cardNumber,
                          TransactionType type, OffsetDateTime occurredAt, String currency, BigDecimal total,
                          List<TransactionLine> lines, List<String> couponCodes, String originalTransactionId) {
        this(transactionId, chainId, storeId, cardNumber, type, occurredAt, currency, total, lines, couponCodes,
                originalTransactionId, null);
    }

    public boolean hasCard() {
        return cardNumber != null && !cardNumber.isBlank();
    }
}

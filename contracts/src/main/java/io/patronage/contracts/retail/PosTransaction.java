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
                             String originalTransactionId) {

    public boolean hasCard() {
        return cardNumber != null && !cardNumber.isBlank();
    }
}

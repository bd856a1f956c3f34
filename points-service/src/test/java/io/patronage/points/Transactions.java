package io.patronage.points;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** POS transactions for tests. */
public final class Transactions {

    public static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T10:15:00+02:00");

    private Transactions() {
    }

    public static PosTransaction purchase(String transactionId, String currency, String total, TransactionLine... lines) {
        return purchase(transactionId, currency, total, AT, lines);
    }

    public static PosTransaction purchase(String transactionId, String currency, String total, OffsetDateTime at,
                                          TransactionLine... lines) {
        return new PosTransaction(transactionId, "chain-1", "store-7", "card-1", TransactionType.PURCHASE, at,
                currency, new BigDecimal(total), List.of(lines), List.of(), null);
    }

    public static PosTransaction returned(String transactionId, String currency, String total) {
        return new PosTransaction(transactionId, "chain-1", "store-7", "card-1", TransactionType.RETURN, AT,
                currency, new BigDecimal(total), List.of(), List.of(), "t-0");
    }

    public static TransactionLine line(String sku, String category, String quantity, String unitPrice) {
        return new TransactionLine(sku, category, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }
}

package io.patronage.contracts.retail;

import java.math.BigDecimal;

/** One line of a till receipt. */
public record TransactionLine(String sku, String category, BigDecimal quantity, BigDecimal unitPrice) {
}

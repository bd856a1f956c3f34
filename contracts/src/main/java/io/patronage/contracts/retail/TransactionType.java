package io.patronage.contracts.retail;

public enum TransactionType {
    PURCHASE, RETURN
}

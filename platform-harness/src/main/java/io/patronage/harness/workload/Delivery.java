package io.patronage.harness.workload;

import io.patronage.contracts.retail.TransactionType;

/**
 * One record as the POS gateway sends it to {@code retail.transactions.v1}, serialized once, plus what the
 * bench needs to know about it without parsing it again.
 *
 * @param key        the card number, or the transaction id when anonymous
 * @param value      the JSON of the {@link io.patronage.contracts.retail.PosTransaction}
 * @param cardNumber {@code null} for a non-member transaction
 * @param duplicate  a resend of an earlier delivery: same key, byte-identical value
 */
public record Delivery(String key, byte[] value, String chainId, String transactionId, String cardNumber,
                       TransactionType type, boolean duplicate) {

    /** {@code chainId:transactionId}, the identity of a sale everywhere in Patronage. */
    public String transactionKey() {
        return chainId + ":" + transactionId;
    }

    public boolean member() {
        return cardNumber != null;
    }

    /** A first delivery of a member's purchase: it earns points exactly once. */
    public boolean earns() {
        return !duplicate && type == TransactionType.PURCHASE && member();
    }

    Delivery resent() {
        return new Delivery(key, value, chainId, transactionId, cardNumber, type, true);
    }
}

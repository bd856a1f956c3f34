package io.patronage.analytics.views;

import io.patronage.contracts.analytics.CustomerValueView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's orders at a chain, as the customer stage keeps them (key {@code chainId|memberId}), and the row last
 * published for them.
 *
 * @param orders    by transaction id: a return names the purchase it takes back
 * @param published the row last published, {@code null} before the first
 */
record StoredCustomer(String chainId, String memberId, Map<String, Order> orders, Instant lastEventAt,
                      CustomerValueView published) {

    StoredCustomer {
        orders = new TreeMap<>(orders);
    }

    static String storeKey(String chainId, String memberId) {
        return chainId + "|" + memberId;
    }

    static StoredCustomer none(String chainId, String memberId) {
        return new StoredCustomer(chainId, memberId, Map.of(), null, null);
    }

    /** @param returned the totals of the returns matched to it */
    record Order(Instant at, BigDecimal total, BigDecimal returned) {

        BigDecimal net() {
            return total.subtract(returned).max(BigDecimal.ZERO);
        }

        /** Returned in full, it is no longer an order. */
        boolean counts() {
            return net().signum() > 0;
        }
    }

    StoredCustomer bought(String transactionId, Instant at, BigDecimal total) {
        Map<String, Order> next = new TreeMap<>(orders);
        next.putIfAbsent(transactionId, new Order(at, total, BigDecimal.ZERO));
        return new StoredCustomer(chainId, memberId, next, latest(at), published);
    }

    /** The same, with the return matched to its purchase; {@code null} when the purchase is not one of these. */
    StoredCustomer returned(String originalTransactionId, Instant at, BigDecimal total) {
        Order order = originalTransactionId == null ? null : orders.get(originalTransactionId);
        if (order == null) {
            return null;
        }
        Map<String, Order> next = new TreeMap<>(orders);
        next.put(originalTransactionId, new Order(order.at(), order.total(), order.returned().add(total.abs())));
        return new StoredCustomer(chainId, memberId, next, latest(at), published);
    }

    StoredCustomer withPublished(CustomerValueView row) {
        return new StoredCustomer(chainId, memberId, orders, lastEventAt, row);
    }

    private Instant latest(Instant at) {
        return lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    }
}

package io.patronage.analytics.views;

import io.patronage.contracts.analytics.CustomerValueView;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member's orders at a chain, as the customer stage keeps them (key {@code chainId|memberId}), and the row last
 * published for them. Orders within the return window of the member's latest record are kept one by one, so that a
 * return finds its purchase; older ones are {@link Settled} into totals, so what is kept (and rewritten with every
 * purchase) does not grow with years of history.
 *
 * @param orders    the open orders by transaction id: a return names the purchase it takes back
 * @param settled   the orders past the return window, in totals; {@code null} when none
 * @param published the row last published, {@code null} before the first
 */
record StoredCustomer(String chainId, String memberId, Map<String, Order> orders, Settled settled,
                      Instant lastEventAt, CustomerValueView published) {

    StoredCustomer {
        orders = new TreeMap<>(orders);
        settled = settled == null ? Settled.NONE : settled;
    }

    static String storeKey(String chainId, String memberId) {
        return chainId + "|" + memberId;
    }

    static StoredCustomer none(String chainId, String memberId) {
        return new StoredCustomer(chainId, memberId, Map.of(), Settled.NONE, null, null);
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

    /**
     * Orders past the return window: how many still count, their net spend, the first and last of them.
     *
     * @param first {@code null} when none counts
     */
    record Settled(long orders, BigDecimal spend, Instant first, Instant last) {

        static final Settled NONE = new Settled(0, BigDecimal.ZERO, null, null);

        Settled plus(Order order) {
            if (!order.counts()) {
                return this;
            }
            return new Settled(orders + 1, spend.add(order.net()),
                    first == null || order.at().isBefore(first) ? order.at() : first,
                    last == null || order.at().isAfter(last) ? order.at() : last);
        }
    }

    /** The same with the purchase; the orders past {@code returnWindow} before the latest record settled. */
    StoredCustomer bought(String transactionId, Instant at, BigDecimal total, Duration returnWindow) {
        Map<String, Order> next = new TreeMap<>(orders);
        next.putIfAbsent(transactionId, new Order(at, total, BigDecimal.ZERO));
        return settle(next, latest(at), returnWindow);
    }

    /**
     * The same, with the return matched to its purchase; {@code null} when the purchase is not one of the open
     * orders (another member's, unknown, or settled).
     */
    StoredCustomer returned(String originalTransactionId, Instant at, BigDecimal total, Duration returnWindow) {
        Order order = originalTransactionId == null ? null : orders.get(originalTransactionId);
        if (order == null) {
            return null;
        }
        Map<String, Order> next = new TreeMap<>(orders);
        next.put(originalTransactionId, new Order(order.at(), order.total(), order.returned().add(total.abs())));
        return settle(next, latest(at), returnWindow);
    }

    StoredCustomer withPublished(CustomerValueView row) {
        return new StoredCustomer(chainId, memberId, orders, settled, lastEventAt, row);
    }

    private StoredCustomer settle(Map<String, Order> open, Instant latest, Duration returnWindow) {
        Instant cutoff = latest.minus(returnWindow);
        Settled total = settled;
        for (var entries = open.values().iterator(); entries.hasNext(); ) {
            Order order = entries.next();
            if (order.at().isBefore(cutoff)) {
                total = total.plus(order);
                entries.remove();
            }
        }
        return new StoredCustomer(chainId, memberId, open, total, latest, published);
    }

    private Instant latest(Instant at) {
        return lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    }
}

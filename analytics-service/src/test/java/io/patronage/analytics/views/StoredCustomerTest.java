package io.patronage.analytics.views;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StoredCustomerTest {

    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void ordersPastTheReturnWindowAreKeptAsTotalsWithTheSameFigures() {
        StoredCustomer anna = StoredCustomer.none("aegean", "anna")
                .bought("t1", Instant.parse("2026-01-05T10:00:00Z"), new BigDecimal("100.00"), WINDOW)
                .bought("t2", Instant.parse("2026-01-20T10:00:00Z"), new BigDecimal("40.00"), WINDOW);
        anna = anna.returned("t2", Instant.parse("2026-01-21T10:00:00Z"), new BigDecimal("40.00"), WINDOW);
        CustomerValue.Figures before = CustomerValue.Figures.of(anna);

        // more than 30 days after t1 and t2: both settle, t2 (returned in full) as no order
        StoredCustomer later = anna.bought("t3", Instant.parse("2026-03-01T10:00:00Z"), new BigDecimal("25.50"), WINDOW);

        assertEquals(Set.of("t3"), later.orders().keySet(), "only the order within the window is kept one by one");
        assertEquals(new StoredCustomer.Settled(1, new BigDecimal("100.00"), Instant.parse("2026-01-05T10:00:00Z"),
                Instant.parse("2026-01-05T10:00:00Z")), later.settled());
        CustomerValue.Figures figures = CustomerValue.Figures.of(later);
        assertEquals(2, figures.orders());
        assertEquals(new BigDecimal("125.50"), figures.spend());
        assertEquals(before.first(), figures.first());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), figures.last());
    }

    @Test
    void aReturnOfASettledPurchaseChangesNothing() {
        StoredCustomer bob = StoredCustomer.none("aegean", "bob")
                .bought("t1", Instant.parse("2026-01-05T10:00:00Z"), new BigDecimal("100.00"), WINDOW)
                .bought("t2", Instant.parse("2026-03-01T10:00:00Z"), new BigDecimal("10.00"), WINDOW);

        assertNull(bob.returned("t1", Instant.parse("2026-03-02T10:00:00Z"), new BigDecimal("100.00"), WINDOW));
        StoredCustomer partly = bob.returned("t2", Instant.parse("2026-03-02T10:00:00Z"), new BigDecimal("4.00"), WINDOW);
        assertEquals(new BigDecimal("106.00"), CustomerValue.Figures.of(partly).spend());
    }

    @Test
    void aLatePurchaseFromBeforeTheWindowCountsAndSettlesAtOnce() {
        StoredCustomer carol = StoredCustomer.none("aegean", "carol")
                .bought("t2", Instant.parse("2026-03-01T10:00:00Z"), new BigDecimal("10.00"), WINDOW)
                .bought("t1", Instant.parse("2026-01-01T10:00:00Z"), new BigDecimal("5.00"), WINDOW);

        assertEquals(Set.of("t2"), carol.orders().keySet());
        CustomerValue.Figures figures = CustomerValue.Figures.of(carol);
        assertEquals(2, figures.orders());
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"), figures.first());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), carol.lastEventAt());
    }
}

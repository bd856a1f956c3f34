package io.patronage.points.returns;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.Lot;
import io.patronage.points.program.ProgramRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.patronage.points.Transactions.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A return without {@code originalTransactionId} matched to the member's purchases of the same SKUs. */
class ReversalsTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T10:00:00Z");

    private static Purchase purchase(String id, long points, String amount, Instant at, TransactionLine... lines) {
        return Purchase.earned("chain-1:" + id, points, new BigDecimal(amount), new BigDecimal(amount), at, 0,
                List.of(lines));
    }

    private static PosTransaction unlinked(String total, TransactionLine... lines) {
        return new PosTransaction("ret-1", "chain-1", "store-7", "card-1", TransactionType.RETURN,
                OffsetDateTime.parse("2026-03-05T10:00:00+02:00"), "EUR", new BigDecimal(total), List.of(lines),
                List.of(), null);
    }

    @Test
    void eachSkuIsTakenFromTheNewestPurchasesFirstAndNeverBeyondWhatWasBought() {
        Map<String, Purchase> purchases = Map.of(
                "t-1", purchase("t-1", 30, "30.00", MONDAY, line("A", "tea", "2", "10.00"), line("B", "mug", "1", "10.00")),
                "t-2", purchase("t-2", 10, "10.00", TUESDAY, line("A", "tea", "1", "10.00")));

        List<Reversals.Match> matches = Reversals.match(purchases,
                unlinked("25.00", line("A", "tea", "2", "10.00"), line("C", "cup", "1", "5.00")));

        assertEquals(List.of("t-2", "t-1"), matches.stream().map(Reversals.Match::originalTransactionId).toList());
        assertEquals(List.of(line("A", "tea", "1", "10.00")), matches.get(0).refund().lines());
        assertEquals(new BigDecimal("10.00"), matches.get(0).refund().total(), "its share of the refund's total");
        assertEquals("t-2", matches.get(0).refund().originalTransactionId());
        assertEquals(List.of(line("A", "tea", "1", "10.00")), matches.get(1).refund().lines());
        assertEquals(new BigDecimal("10.00"), matches.get(1).refund().total());
    }

    @Test
    void whatEarlierReturnsGaveBackIsNotMatchedAgain() {
        Purchase tuesday = purchase("t-2", 10, "10.00", TUESDAY, line("A", "tea", "1", "10.00"))
                .returned(BigDecimal.ONE, 10, List.of(line("A", "tea", "1", "10.00")));
        Map<String, Purchase> purchases = Map.of(
                "t-1", purchase("t-1", 20, "20.00", MONDAY, line("A", "tea", "2", "10.00")),
                "t-2", tuesday);

        List<Reversals.Match> matches = Reversals.match(purchases, unlinked("50.00", line("A", "tea", "5", "10.00")));

        assertEquals(1, matches.size());
        assertEquals("t-1", matches.get(0).originalTransactionId());
        assertEquals(List.of(line("A", "tea", "2", "10.00")), matches.get(0).refund().lines());
        assertEquals(new BigDecimal("20.00"), matches.get(0).refund().total(), "2 of the 5 units: 20.00 of the 50.00");
    }

    @Test
    void aRefundWithoutSkusOrAPurchaseWhoseLinesAreUnknownMatchesNothing() {
        Purchase unknown = new Purchase("chain-1:t-1", 20, new BigDecimal("20.00"), new BigDecimal("20.00"), MONDAY,
                0, BigDecimal.ZERO, 0, null, null);

        assertEquals(List.of(), Reversals.match(Map.of("t-1", unknown), unlinked("10.00", line("A", "tea", "1", "10.00"))));
        assertEquals(List.of(), Reversals.match(Map.of("t-1", purchase("t-1", 20, "20.00", MONDAY,
                line("A", "tea", "2", "10.00"))), unlinked("10.00")));
        assertEquals(List.of(), Reversals.match(Map.of("t-1", purchase("t-1", 20, "20.00", MONDAY,
                line("A", "tea", "2", "10.00"))), unlinked("10.00", line(null, "tea", "1", "10.00"))));
    }

    @Test
    void aMatchReversesNoMoreThanThePurchaseEarned() {
        Purchase bought = purchase("t-1", 20, "20.00", MONDAY, line("A", "tea", "2", "10.00"));
        Ledger ledger = new Ledger();
        ledger.credit(new Lot("chain-1:t-1", 20, MONDAY));

        Reversals.Match match = Reversals.match(Map.of("t-1", bought), unlinked("90.00", line("A", "tea", "9", "10.00")))
                .get(0);
        PointsReversed reversed = Reversals.reverse("m-1", ProgramRules.DEFAULT, match.purchase(), match.refund(), null,
                ledger);

        assertEquals(20, reversed.points());
        assertEquals(0, BigDecimal.ONE.compareTo(reversed.share()), "the whole purchase");
        assertEquals(0, reversed.balanceAfter());
        assertNull(reversed.fingerprint());
    }
}

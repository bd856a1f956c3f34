package io.patronage.rewards.automatic;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PunchCardPolicyTest {

    private static final PunchCard ANY_VISIT = card(null, null);
    private static final PunchCard COFFEE = card(null, "coffee");
    private static final PunchCard ESPRESSO = card("ESP-1", null);

    @Test
    void aPurchaseWithACardStampsAVisitCardAndOnlyLinesOfTheCategoryOrSkuStampALimitedOne() {
        PosTransaction croissant = purchase("card-1", line("CRO-1", "bakery", "1", null));
        PosTransaction espresso = purchase("card-1", line("CRO-1", "bakery", "1", null),
                line("ESP-1", "coffee", "2", null));

        assertTrue(PunchCardPolicy.qualifies(ANY_VISIT, croissant));
        assertFalse(PunchCardPolicy.qualifies(COFFEE, croissant));
        assertTrue(PunchCardPolicy.qualifies(COFFEE, espresso));
        assertTrue(PunchCardPolicy.qualifies(ESPRESSO, espresso));
        assertFalse(PunchCardPolicy.qualifies(card("LAT-1", null), espresso));
    }

    @Test
    void noStampWithoutACardForAReturnOrForALinePaidWithARewardOrNotBought() {
        assertFalse(PunchCardPolicy.qualifies(ANY_VISIT, purchase(null, line("ESP-1", "coffee", "1", null))));
        assertFalse(PunchCardPolicy.qualifies(ANY_VISIT, transaction(TransactionType.RETURN, "card-1",
                line("ESP-1", "coffee", "1", null))));
        assertFalse(PunchCardPolicy.qualifies(COFFEE, purchase("card-1", line("ESP-1", "coffee", "1", true))));
        assertFalse(PunchCardPolicy.qualifies(COFFEE, purchase("card-1", line("ESP-1", "coffee", "0", null))));
    }

    @Test
    void eachCompletedCardIsRewardedOnceAndAStampTakenBackAfterItsRewardIsOwed() {
        assertEquals(List.of(), PunchCardPolicy.cardsToReward(9, 0, 10));
        assertEquals(List.of(1L), PunchCardPolicy.cardsToReward(10, 0, 10));
        assertEquals(List.of(), PunchCardPolicy.cardsToReward(10, 1, 10), "rewarded already");
        assertEquals(List.of(2L, 3L), PunchCardPolicy.cardsToReward(30, 1, 10), "every card once");
        // card 1 rewarded, then one of its visits returned: 9 stamps; the 10th again earns nothing
        assertEquals(List.of(), PunchCardPolicy.cardsToReward(10, 1, 10));
        assertEquals(0, PunchCardPolicy.stampsOnCurrentCard(9, 1, 10));
        assertEquals(0, PunchCardPolicy.stampsOnCurrentCard(10, 1, 10));
        assertEquals(3, PunchCardPolicy.stampsOnCurrentCard(13, 1, 10));
    }

    private static PunchCard card(String sku, String category) {
        return new PunchCard("pc", "chain-1", "free-coffee", 10, sku, category, Instant.EPOCH);
    }

    private static TransactionLine line(String sku, String category, String quantity, Boolean paidWithReward) {
        return new TransactionLine(sku, category, new BigDecimal(quantity), new BigDecimal("2.50"), paidWithReward);
    }

    private static PosTransaction purchase(String card, TransactionLine... lines) {
        return transaction(TransactionType.PURCHASE, card, lines);
    }

    private static PosTransaction transaction(TransactionType type, String card, TransactionLine... lines) {
        return new PosTransaction("T-1", "chain-1", "store-1", card, type, OffsetDateTime.parse("2026-12-03T09:00:00+02:00"),
                "EUR", new BigDecimal("5.00"), List.of(lines), List.of(), null);
    }
}

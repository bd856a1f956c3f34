package io.patronage.rewards.automatic;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The punch card's decisions, pure: which visits stamp a card, and which completed cards still owe a reward. */
final class PunchCardPolicy {

    private PunchCardPolicy() {
    }

    /**
     * A purchase with a card stamps; with a SKU or category on the punch card, only a purchase with a line of it
     * (a positive quantity, not itself paid with a reward).
     */
    static boolean qualifies(PunchCard card, PosTransaction transaction) {
        if (transaction.type() != TransactionType.PURCHASE || !transaction.hasCard()) {
            return false;
        }
        if (card.sku() == null && card.category() == null) {
            return true;
        }
        return transaction.lines() != null && transaction.lines().stream().anyMatch(line -> matches(card, line));
    }

    private static boolean matches(PunchCard card, TransactionLine line) {
        return line != null && !line.wasPaidWithReward()
                && line.quantity() != null && line.quantity().compareTo(BigDecimal.ZERO) > 0
                && (card.sku() == null || Objects.equals(card.sku(), line.sku()))
                && (card.category() == null || Objects.equals(card.category(), line.category()));
    }

    /**
     * The cards (numbered from 1) that {@code stamps} stamps complete and no reward was granted for yet
     * ({@code rewarded} cards were). A stamp taken back by a return after its card was rewarded leaves
     * {@code stamps} below {@code rewarded × visits}: the next visits refill that card without a second reward.
     */
    static List<Long> cardsToReward(long stamps, long rewarded, int visits) {
        List<Long> cards = new ArrayList<>();
        for (long card = rewarded + 1; card <= stamps / visits; card++) {
            cards.add(card);
        }
        return cards;
    }

    /** The stamps on the card being filled: none while a rewarded card owes stamps taken back. */
    static long stampsOnCurrentCard(long stamps, long rewarded, int visits) {
        return Math.max(0, stamps - rewarded * visits);
    }
}

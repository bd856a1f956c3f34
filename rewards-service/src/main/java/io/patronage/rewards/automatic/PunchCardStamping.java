package io.patronage.rewards.automatic;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.rewards.members.MemberCards;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Punch cards (one of the till stream's policies): a qualifying purchase with a member's card stamps each of the
 * chain's active punch cards once, a completed card earns its coupon once ({@link CouponGrants}), and the return of the
 * whole purchase takes its stamps back. Every step is idempotent, so a record handled again (redelivered after a
 * crash) changes nothing more.
 */
@Singleton
public class PunchCardStamping {

    private final PunchCards punchCards;
    private final PunchCardProgress progress;
    private final StampedPurchases purchases;
    private final MemberCards cards;
    private final CouponGrants grants;
    private final Clock clock;

    PunchCardStamping(PunchCards punchCards, PunchCardProgress progress, StampedPurchases purchases, MemberCards cards,
                      CouponGrants grants, Clock clock) {
        this.punchCards = punchCards;
        this.progress = progress;
        this.purchases = purchases;
        this.cards = cards;
        this.grants = grants;
        this.clock = clock;
    }

    public void handle(List<PosTransaction> transactions) {
        Map<String, List<PunchCard>> chainsCards = new HashMap<>(); // read once per batch
        for (PosTransaction transaction : transactions) {
            if (transaction.type() == TransactionType.PURCHASE && transaction.hasCard()) {
                purchase(transaction, chainsCards.computeIfAbsent(transaction.chainId(), punchCards::ofChain));
            } else if (transaction.type() == TransactionType.RETURN && transaction.originalTransactionId() != null) {
                returned(transaction);
            }
        }
    }

    private void purchase(PosTransaction transaction, List<PunchCard> chainCards) {
        List<PunchCard> stamped = chainCards.stream().filter(card -> PunchCardPolicy.qualifies(card, transaction))
                .toList();
        if (stamped.isEmpty()) {
            return;
        }
        Optional<String> member = cards.memberOf(transaction.chainId(), transaction.cardNumber());
        if (member.isEmpty()) {
            return;
        }
        String memberId = member.get();
        purchases.record(transaction.chainId(), transaction.transactionId(), memberId, transaction.total(),
                stamped.stream().map(PunchCard::id).toList());
        for (PunchCard card : stamped) {
            PunchCardProgress.Progress after = progress.stamp(transaction.chainId(), memberId, card.id(),
                    transaction.transactionId());
            for (long completed : PunchCardPolicy.cardsToReward(after.stamps(), after.rewarded(), card.visits())) {
                grants.completedCard(card, memberId, completed, clock.instant());
                progress.rewarded(transaction.chainId(), memberId, card.id(), completed);
            }
        }
    }

    private void returned(PosTransaction transaction) {
        purchases.returned(transaction.chainId(), transaction.originalTransactionId(), transaction.transactionId(),
                        transaction.total())
                .filter(StampedPurchases.Purchase::wholeReturned)
                .ifPresent(purchase -> purchase.punchCardIds().forEach(punchCardId -> progress.unstamp(
                        transaction.chainId(), purchase.memberId(), punchCardId, transaction.originalTransactionId())));
    }
}

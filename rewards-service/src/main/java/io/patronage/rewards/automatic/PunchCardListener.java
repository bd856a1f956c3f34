package io.patronage.rewards.automatic;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.chains.Chains;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.StandardDecoder;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.rewards.members.MemberCards;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Punch cards from {@code retail.transactions.v1} (group {@code rewards-service.punch-cards}, deduplicated on
 * {@code chainId:transactionId}): a qualifying purchase with a member's card stamps each of the chain's punch cards
 * once, a completed card earns its coupon once ({@link CouponGrants}), and the return of the whole purchase takes its
 * stamps back. Every step is idempotent, so a record handled again after a crash changes nothing more.
 */
@Singleton
class PunchCardListener implements TopicListener {

    private final PunchCards punchCards;
    private final PunchCardProgress progress;
    private final StampedPurchases purchases;
    private final MemberCards cards;
    private final CouponGrants grants;
    private final Clock clock;
    private final MessageDecoder decoder;

    PunchCardListener(PunchCards punchCards, PunchCardProgress progress, StampedPurchases purchases, MemberCards cards,
                      CouponGrants grants, Chains chains, Clock clock) {
        this.punchCards = punchCards;
        this.progress = progress;
        this.purchases = purchases;
        this.cards = cards;
        this.grants = grants;
        this.clock = clock;
        this.decoder = new StandardDecoder(chains, clock);
    }

    @Override
    public String name() {
        return "punch-cards";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.TRANSACTIONS);
    }

    @Override
    public MessageDecoder decoder() {
        return decoder;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        Map<String, List<PunchCard>> chainsCards = new HashMap<>(); // read once per batch
        for (InboundMessage message : batch) {
            if (message.payload() instanceof PosTransaction transaction) {
                if (transaction.type() == TransactionType.PURCHASE && transaction.hasCard()) {
                    purchase(transaction, chainsCards.computeIfAbsent(transaction.chainId(), punchCards::ofChain));
                } else if (transaction.type() == TransactionType.RETURN && transaction.originalTransactionId() != null) {
                    returned(transaction);
                }
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

package io.patronage.rewards.automatic;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.rewards.members.MemberCards;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spend milestones (one of the till stream's policies): in a chain with active milestones, a purchase with a member's
 * card adds its total to the member's lifetime spend, and a return (with the card, naming a counted purchase) takes its
 * total off; each milestone crossed earns its coupon once ({@link CouponGrants}). Every step is idempotent, so a
 * record handled again (redelivered after a crash) changes nothing more.
 */
@Singleton
public class SpendMilestoneCounting {

    private final SpendMilestones milestones;
    private final LifetimeSpend spend;
    private final MemberCards cards;
    private final CouponGrants grants;
    private final Clock clock;

    SpendMilestoneCounting(SpendMilestones milestones, LifetimeSpend spend, MemberCards cards, CouponGrants grants,
                           Clock clock) {
        this.milestones = milestones;
        this.spend = spend;
        this.cards = cards;
        this.grants = grants;
        this.clock = clock;
    }

    public void handle(List<PosTransaction> transactions) {
        Map<String, List<SpendMilestone>> chainsMilestones = new HashMap<>(); // read once per batch
        for (PosTransaction transaction : transactions) {
            if (!transaction.hasCard() || transaction.total() == null || transaction.total().signum() <= 0) {
                continue;
            }
            List<SpendMilestone> chainMilestones = chainsMilestones.computeIfAbsent(transaction.chainId(),
                    milestones::ofChain);
            if (chainMilestones.isEmpty()) {
                continue;
            }
            Optional<String> member = cards.memberOf(transaction.chainId(), transaction.cardNumber());
            if (member.isEmpty()) {
                continue;
            }
            Currency currency = Currency.getInstance(transaction.currency());
            long amount = SpendMilestonePolicy.minorUnits(transaction.total(), currency);
            if (transaction.type() == TransactionType.PURCHASE) {
                // what the member paid in money: a part paid with points is no spend
                long paidWithPoints = transaction.pointsPayment() == null ? 0
                        : SpendMilestonePolicy.minorUnits(transaction.pointsPayment().amount(), currency);
                purchase(transaction, member.get(), amount - paidWithPoints, currency, chainMilestones);
            } else if (transaction.type() == TransactionType.RETURN && transaction.originalTransactionId() != null) {
                spend.returned(transaction.chainId(), member.get(), transaction.originalTransactionId(),
                        transaction.transactionId(), amount);
            }
        }
    }

    private void purchase(PosTransaction transaction, String memberId, long amount, Currency currency,
                          List<SpendMilestone> chainMilestones) {
        LifetimeSpend.Spend after = spend.purchased(transaction.chainId(), memberId, transaction.transactionId(),
                amount);
        for (SpendMilestone milestone : chainMilestones) {
            long every = SpendMilestonePolicy.minorUnits(milestone.every(), currency);
            for (long crossed : SpendMilestonePolicy.milestonesToGrant(after.spent(), after.granted(milestone.id()),
                    every)) {
                grants.milestoneCrossed(milestone, memberId, crossed, clock.instant());
                spend.granted(transaction.chainId(), memberId, milestone.id(), crossed);
            }
        }
    }
}

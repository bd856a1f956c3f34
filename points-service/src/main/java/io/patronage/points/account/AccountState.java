package io.patronage.points.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.points.adjustments.PaymentRefund;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.CappedEarning;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.earning.Standing;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.RedemptionAnswer;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.Purchase;
import io.patronage.points.tiers.Activity;
import io.patronage.points.tillpayment.PointsPaid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link PointsAccount} decides with, only ever folded from its events: the {@link Ledger} (open lots, debt) and
 * what qualifies for the tiers (the {@link Holdings}, which the balance read model folds alike), the member's
 * {@link Standing}, the purchases and returns already counted (with what their till records said, so a resend with
 * other content is refused), the requests, awards and adjustments already answered and the notices given, so that
 * nothing counts twice. Its fields are the account's snapshot (unwrapped, under these names).
 * <p>
 * The first event beyond the ledger's limits ({@link Poisoned}) freezes the account: from there on, events that move
 * points are no longer folded; the others (tier, referral, answers, notices) still are.
 */
final class AccountState {

    private boolean active = true;
    @JsonUnwrapped
    private final Standing standing = new Standing();
    private final Ledger ledger = new Ledger();
    private final Set<String> processedTransactions = new HashSet<>();
    /** The fingerprint of each processed transaction that has one (events recorded before they were kept have none). */
    private final Map<String, String> fingerprints = new HashMap<>();
    /** Why the account is frozen: its first event beyond the ledger's limits; {@code null} for a sound account. */
    private String frozen;
    private final Map<String, Purchase> purchases = new HashMap<>();
    private final Map<String, AnsweredRequest> answeredRequests = new HashMap<>();
    private final Set<String> awards = new HashSet<>();
    private final Set<String> announcedLots = new HashSet<>();
    private final List<Activity> activity = new ArrayList<>();
    /** The purchases points paid part of, by transaction key, with what returns gave back of those points. */
    private final Map<String, PointsPaid> pointsPaid = new HashMap<>();

    void fold(PointsAccountEvent event, String eventId, Instant at) {
        if (frozen == null) {
            frozen = Poisoned.violation(event);
        }
        if (frozen != null && Poisoned.movesPoints(event)) {
            return;
        }
        standing().fold(event);
        Holdings.fold(event, ledger, activity);
        if (event instanceof PointsEarned earned) {
            String key = counted(earned.chainId(), earned.transactionId(), earned.fingerprint());
            if (earned.lot() != null) {
                purchases.put(key, Purchase.earned(earned.lot().lotId(), earned.points(), earned.amount(),
                        earned.eligibleAmount(), earned.occurredAt().toInstant(), earned.referrerBonus(),
                        earned.lines()));
            }
            if (earned.pointsPayment() != null) {
                pointsPaid.put(key, PointsPaid.spent(earned.pointsPayment().points(),
                        earned.amount().add(earned.pointsPayment().amount()), earned.pointsPayment().amount()));
            }
        } else if (event instanceof PointsReversed reversed) {
            counted(reversed.chainId(), reversed.transactionId(), reversed.fingerprint());
            purchases.computeIfPresent(transactionKey(reversed.chainId(), reversed.originalTransactionId()),
                    (key, purchase) -> purchase.returned(reversed.share(), reversed.points(), reversed.lines()));
        } else if (event instanceof RedemptionAnswer answer) {
            answeredRequests.put(answer.requestId(), new AnsweredRequest(eventId, at, answer));
        } else if (event instanceof PointsAwarded awarded) {
            awards.add(awarded.awardId());
        } else if (event instanceof PointsAdjusted adjusted) {
            awards.add(adjusted.adjustmentId());
            PaymentRefund refund = adjusted.paymentRefund();
            if (refund != null) {
                pointsPaid.computeIfPresent(transactionKey(adjusted.chainId(), refund.originalTransactionId()),
                        (key, paid) -> paid.gaveBack(refund.share(), adjusted.points()));
            }
        } else if (event instanceof ExpiryAnnounced announced) {
            announcedLots.addAll(announced.lotIds());
        } else if (event instanceof MembershipEnded) {
            active = false;
        }
    }

    /** Records a till transaction as processed, with its fingerprint; returns its key. */
    private String counted(String chainId, String transactionId, String fingerprint) {
        String key = transactionKey(chainId, transactionId);
        processedTransactions.add(key);
        if (fingerprint != null) {
            fingerprints.put(key, fingerprint);
        }
        return key;
    }

    static String transactionKey(String chainId, String transactionId) {
        return chainId + ":" + transactionId;
    }

    /**
     * Whether the till transaction was processed already. A transaction id counts once; a resend with the same
     * content changes nothing, one with other content is refused so that the sender hears of it (the first one
     * counted). Transactions recorded before fingerprints were kept have none: any resend of them counts as the same.
     */
    boolean processed(String memberId, String key, String fingerprint) {
        if (!processedTransactions.contains(key)) {
            return false;
        }
        String recorded = fingerprints.get(key);
        if (recorded != null && !recorded.equals(fingerprint)) {
            throw new ConflictingResendException(ConflictingResendException.REASON + ": transaction " + key
                    + " of member " + memberId + " was already processed with other content (fingerprint " + recorded
                    + ", this one " + fingerprint + "); the first one counted");
        }
        return true;
    }

    /** A frozen account takes no ledger command. */
    void requireSound(String memberId) {
        if (frozen != null) {
            throw new PointsOverflowException("account of member " + memberId + " is frozen: its log holds " + frozen
                    + "; it takes no ledger commands");
        }
    }

    boolean active() {
        return active;
    }

    /** The standing; one read from a snapshot written before earnings were kept gets them from the purchases. */
    Standing standing() {
        if (standing.earningsUnknown()) {
            standing.assumeEarnings(purchases.values().stream()
                    .map(purchase -> new CappedEarning(purchase.occurredAt(), purchase.points())).toList());
        }
        return standing;
    }

    Ledger ledger() {
        return ledger;
    }

    String frozen() {
        return frozen;
    }

    Purchase purchase(String key) {
        return purchases.get(key);
    }

    /** The chain's purchases that earned points, by transaction id. */
    Map<String, Purchase> purchasesOf(String chainId) {
        Map<String, Purchase> byId = new HashMap<>();
        String prefix = chainId + ":";
        purchases.forEach((key, purchase) -> {
            if (key.startsWith(prefix)) {
                byId.put(key.substring(prefix.length()), purchase);
            }
        });
        return byId;
    }

    /** The points payment of a purchase, {@code null} when points paid none of it. */
    PointsPaid pointsPaid(String key) {
        return pointsPaid.get(key);
    }

    AnsweredRequest answer(String requestId) {
        return answeredRequests.get(requestId);
    }

    boolean awarded(String awardOrAdjustmentId) {
        return awards.contains(awardOrAdjustmentId);
    }

    Set<String> announcedLots() {
        return announcedLots;
    }

    List<Activity> activity() {
        return activity;
    }
}

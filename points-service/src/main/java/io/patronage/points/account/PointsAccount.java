package io.patronage.points.account;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.kit.kafka.Fingerprint;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.adjustments.PointsAdjusted;
import io.patronage.points.earning.AccountStanding;
import io.patronage.points.earning.AwardPoints;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.EarningOutcome;
import io.patronage.points.earning.EarningPolicy;
import io.patronage.points.earning.PointsAwarded;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.earning.ReferralDue;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.expiry.PointsExpired;
import io.patronage.points.expiry.ReviewAccount;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.membership.CreatePointsAccount;
import io.patronage.points.membership.EndMembership;
import io.patronage.points.membership.ErasePersonalData;
import io.patronage.points.membership.MembershipEnded;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.points.membership.PersonalDataErased;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.ReturnPolicy;
import io.patronage.points.program.TierRules;
import io.patronage.points.redemption.AnsweredRequest;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RedeemPoints;
import io.patronage.points.redemption.RejectionReason;
import io.patronage.points.referral.RecordReferral;
import io.patronage.points.referral.ReferralRecorded;
import io.patronage.points.returns.PointsReversed;
import io.patronage.points.returns.ReturnPurchase;
import io.patronage.points.tiers.TierChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's points ledger. Command handlers decide; event sourcing handlers only fold events into state:
 * the {@link Ledger} (open lots, debt), the purchases and returns already counted (with what their till records
 * said, so a resend with other content is refused), the requests, awards and adjustments already answered, the
 * tier and what qualifies for it, so that nothing counts twice.
 * <p>
 * Every figure stays within {@link LedgerLimits}: a command whose outcome would cross them is refused with a
 * {@link PointsOverflowException}. An account whose log holds an event beyond them (stored by an older version)
 * still loads, but is frozen at that event: its ledger stops there and it refuses every ledger command with the
 * reason, rather than compute with a wrapped number. Revision 2 (limits and fingerprints) ignores older snapshots,
 * which may hold a ledger folded past such an event.
 */
@Revision("2")
public class PointsAccount {

    private static final Duration DAY = Duration.ofDays(1);

    @AggregateIdentifier
    private String memberId;
    private String chainId;
    private MonthDay birthday;
    private boolean active = true;
    private String referrer;
    private int earningPurchases;
    private Instant lastBirthdayBonus;
    private String tier;
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

    protected PointsAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreatePointsAccount command) {
        handle(command.opening());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenPointsAccount command) {
        if (memberId != null) {
            return;
        }
        apply(new PointsAccountOpened(command.memberId(), command.chainId(), command.cardNumber(),
                command.birthday(), command.enrolledAt()));
    }

    /** Returns the referrer's bonus this purchase owes (also when it is redelivered), or {@code null}. */
    @CommandHandler
    ReferralDue handle(EarnPoints command, ProgramCatalog programs) {
        PosTransaction transaction = command.transaction();
        String transactionKey = transactionKey(transaction.chainId(), transaction.transactionId());
        String fingerprint = Fingerprint.of(transaction);
        Purchase earlier = purchases.get(transactionKey);
        if (processedTransactions.contains(transactionKey)) {
            requireSameContent(transactionKey, fingerprint);
            return earlier != null && earlier.referrerBonus() > 0 ? referralDue(earlier.occurredAt()) : null;
        }
        if (!active) {
            return null;
        }
        requireSound();
        Instant occurredAt = transaction.occurredAt().toInstant();
        ProgramRules rules = programs.rulesFor(chainId, occurredAt);
        EarningOutcome outcome = EarningPolicy.earn(rules, new AccountStanding(birthday, earningPurchases,
                lastBirthdayBonus, tier, referrer != null), transaction);
        long balanceAfter = LedgerLimits.balanceAfter(memberId, ledger.balance(), outcome.points());
        Lot lot = outcome.points() > 0 ? lot(rules, transactionKey, outcome.points(), occurredAt) : null;
        apply(new PointsEarned(memberId, transaction.chainId(), transaction.transactionId(), transaction.storeId(),
                transaction.currency(), transaction.total(), outcome.eligibleAmount(), outcome.points(),
                outcome.ruleVersion(), outcome.breakdown(), transaction.occurredAt(), lot, balanceAfter,
                outcome.referrerBonus(), transaction.lines(), transaction.couponCodes(), fingerprint));
        upgradeTier(rules, occurredAt);
        return outcome.referrerBonus() > 0 ? referralDue(occurredAt) : null;
    }

    private ReferralDue referralDue(Instant occurredAt) {
        return new ReferralDue(referrer, memberId, occurredAt);
    }

    /**
     * A transaction id counts once; a resend with the same content changes nothing, one with other content is
     * refused so that the sender hears of it (the first one counted). Transactions recorded before fingerprints
     * were kept have none: any resend of them counts as the same.
     */
    private void requireSameContent(String transactionKey, String fingerprint) {
        String recorded = fingerprints.get(transactionKey);
        if (recorded != null && !recorded.equals(fingerprint)) {
            throw new ConflictingResendException(ConflictingResendException.REASON + ": transaction " + transactionKey
                    + " of member " + memberId + " was already processed with other content (fingerprint " + recorded
                    + ", this one " + fingerprint + "); the first one counted");
        }
    }

    /** A frozen account takes no ledger command: see the class comment. */
    private void requireSound() {
        if (frozen != null) {
            throw new PointsOverflowException("account of member " + memberId + " is frozen: its log holds " + frozen
                    + "; it takes no ledger commands");
        }
    }

    /** Whether an event is not folded into the ledger: the first one beyond the limits freezes the account there. */
    private boolean frozenAt(PointsAccountEvent event) {
        if (frozen == null) {
            frozen = Poisoned.violation(event);
        }
        return frozen != null;
    }

    @CommandHandler
    void handle(ReturnPurchase command, ProgramCatalog programs) {
        PosTransaction refund = command.transaction();
        String returnKey = transactionKey(refund.chainId(), refund.transactionId());
        String fingerprint = Fingerprint.of(refund);
        if (processedTransactions.contains(returnKey)) {
            requireSameContent(returnKey, fingerprint);
            return;
        }
        Purchase purchase = purchases.get(transactionKey(refund.chainId(), refund.originalTransactionId()));
        if (purchase == null || purchase.points() == 0) {
            return;
        }
        requireSound();
        ProgramRules rules = programs.rulesFor(chainId, purchase.occurredAt());
        BigDecimal returned = refund.total().abs();
        BigDecimal share = refund.lines() == null || refund.lines().isEmpty()
                ? ratio(returned, purchase.amount())
                : ratio(returned.multiply(EarningPolicy.eligibleShare(rules, refund)), purchase.eligibleAmount());
        BigDecimal cumulative = purchase.returnedShare().add(share).min(BigDecimal.ONE);
        // the share is a 12-digit quotient: settle its last-digit error before flooring (10/12 of 12 points is 10)
        long target = BigDecimal.valueOf(purchase.points()).multiply(cumulative)
                .setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.FLOOR).longValueExact();
        long points = target - purchase.reversedPoints();
        if (points == 0 && cumulative.compareTo(purchase.returnedShare()) == 0) {
            return;
        }

        List<LotDebit> debits = new ArrayList<>();
        OpenLot own = ledger.lot(purchase.lotId());
        long fromOwn = own == null ? 0 : Math.min(points, own.remaining());
        if (fromOwn > 0) {
            debits.add(new LotDebit(own.lotId(), fromOwn));
        }
        long rest = points - fromOwn;
        long debt = 0;
        if (rest > 0 && rules.returnPolicy() != ReturnPolicy.FORGIVE) {
            long balanceLeft = LedgerLimits.add(ledger.balance(), -fromOwn);
            long fromOthers = rules.returnPolicy() == ReturnPolicy.CLAMP_AT_ZERO
                    ? Math.max(0, Math.min(rest, balanceLeft)) : rest;
            List<LotDebit> others = ledger.oldestFirst(fromOthers, lot -> !lot.lotId().equals(purchase.lotId()));
            debits.addAll(others);
            long taken = others.stream().mapToLong(LotDebit::points).reduce(0, LedgerLimits::add);
            if (rules.returnPolicy() == ReturnPolicy.ALLOW_NEGATIVE) {
                debt = rest - taken;
            }
            rest -= taken;
        }
        long shortfall = rest;
        long removed = points - shortfall + debt;
        apply(new PointsReversed(memberId, refund.chainId(), refund.transactionId(), refund.originalTransactionId(),
                refund.currency(), returned, points, debits, debt, shortfall, cumulative,
                LedgerLimits.balanceAfter(memberId, ledger.balance(), -removed), refund.occurredAt(), fingerprint));
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ONE : part.divide(whole, 12, RoundingMode.HALF_UP);
    }

    @CommandHandler
    AnsweredRequest handle(RedeemPoints command) {
        AnsweredRequest earlier = answeredRequests.get(command.requestId());
        if (earlier != null) {
            return earlier;
        }
        if (frozen != null) {
            // answered rather than refused, so the redemption waiting for it ends with the reason
            apply(rejection(command, RejectionReason.ACCOUNT_FROZEN));
        } else if (command.points() <= 0) {
            apply(rejection(command, RejectionReason.INVALID_POINTS));
        } else if (command.points() > ledger.available(command.at())) {
            apply(rejection(command, RejectionReason.INSUFFICIENT_POINTS));
        } else {
            apply(new PointsRedeemed(memberId, chainId, command.requestId(), command.points(), command.reason(),
                    ledger.oldestFirst(command.points(), lot -> lot.availableAt(command.at())),
                    ledger.balance() - command.points()));
        }
        return null;
    }

    private PointsRedemptionRejected rejection(RedeemPoints command, RejectionReason reason) {
        return new PointsRedemptionRejected(memberId, chainId, command.requestId(), command.points(), reason,
                ledger.balance());
    }

    @CommandHandler
    void handle(AwardPoints command, ProgramCatalog programs) {
        if (awards.contains(command.awardId()) || !active) {
            return;
        }
        requireSound();
        ProgramRules rules = programs.rulesFor(chainId, command.occurredAt());
        long points = rules.bonuses().award(command.rule());
        if (points <= 0) {
            return;
        }
        apply(new PointsAwarded(memberId, chainId, command.awardId(), command.rule(), rules.version(), points,
                lot(rules, command.awardId(), points, command.occurredAt()),
                LedgerLimits.balanceAfter(memberId, ledger.balance(), points), command.occurredAt()));
        upgradeTier(rules, command.occurredAt());
    }

    @CommandHandler
    long handle(AdjustPoints command, ProgramCatalog programs) {
        if (awards.contains(command.adjustmentId())) {
            return ledger.balance();
        }
        requireSound();
        long points = command.points();
        long balanceAfter = LedgerLimits.balanceAfter(memberId, ledger.balance(), points);
        Lot lot = null;
        List<LotDebit> debits = List.of();
        if (points > 0) {
            ProgramRules rules = programs.rulesFor(chainId, command.at());
            lot = new Lot(command.adjustmentId(), points, command.at(), command.at(),
                    rules.expiry().expiresAt(command.at(), rules.timeZone()), null);
        } else if (-points > ledger.balance()) {
            throw new IllegalStateException("a debit of " + -points + " points is above the balance of "
                    + ledger.balance());
        } else {
            debits = ledger.oldestFirst(-points, any -> true);
        }
        apply(new PointsAdjusted(memberId, chainId, command.adjustmentId(), points, command.reason(), command.actor(),
                lot, debits, balanceAfter, command.at()));
        return ledger.balance();
    }

    @CommandHandler
    Instant handle(ReviewAccount command, ProgramCatalog programs) {
        Instant at = command.at();
        if (frozen != null) {
            return null;
        }
        List<LotDebit> expired = ledger.expiredAt(at);
        if (!expired.isEmpty()) {
            long points = expired.stream().mapToLong(LotDebit::points).reduce(0, LedgerLimits::add);
            apply(new PointsExpired(memberId, chainId, points, expired,
                    LedgerLimits.balanceAfter(memberId, ledger.balance(), -points), at));
        }
        List<OpenLot> announce = ledger.lots().stream()
                .filter(lot -> lot.noticeAt() != null && !lot.noticeAt().isAfter(at)
                        && !announcedLots.contains(lot.lotId()))
                .toList();
        if (!announce.isEmpty()) {
            Instant first = announce.stream().map(OpenLot::expiresAt).min(Instant::compareTo).orElseThrow();
            apply(new ExpiryAnnounced(memberId, chainId, "expiry:" + memberId + ":" + announce.get(0).lotId(),
                    announce.stream().mapToLong(OpenLot::remaining).reduce(0, LedgerLimits::add), first,
                    announce.stream().map(OpenLot::lotId).toList(), at));
        }
        downgradeTier(programs.rulesFor(chainId, at), at);
        return ledger.lots().stream()
                .flatMap(lot -> Stream.of(announcedLots.contains(lot.lotId()) ? null : lot.noticeAt(), lot.expiresAt()))
                .filter(Objects::nonNull).min(Instant::compareTo)
                .map(next -> tier == null ? next : min(next, at.plus(DAY)))
                .orElse(tier == null ? null : at.plus(DAY));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @CommandHandler
    AccountView handle(DescribeAccount command, ProgramCatalog programs) {
        requireSound();
        TierRules tiers = programs.rulesFor(chainId, command.at()).tiers();
        BigDecimal qualifying = qualifying(tiers, command.at());
        TierRules.Level next = tiers.next(tier);
        return new AccountView(memberId, ledger.balance(), Math.max(0, ledger.available(command.at())),
                ledger.pending(command.at()), ledger.debt(), ledger.lots(), tier, qualifying,
                next == null ? null : next.name(),
                next == null ? null : next.threshold().subtract(qualifying).max(BigDecimal.ZERO));
    }

    @CommandHandler
    void handle(RecordReferral command) {
        if (referrer == null && earningPurchases == 0 && !command.referrerMemberId().equals(memberId)) {
            apply(new ReferralRecorded(memberId, command.referrerMemberId()));
        }
    }

    @CommandHandler
    void handle(EndMembership command) {
        if (active) {
            apply(new MembershipEnded(memberId, command.at()));
        }
    }

    @CommandHandler
    void handle(ErasePersonalData command) {
        if (birthday != null) {
            apply(new PersonalDataErased(memberId, command.at()));
        }
    }

    private Lot lot(ProgramRules rules, String lotId, long points, Instant earnedAt) {
        Instant expiresAt = rules.expiry().expiresAt(earnedAt, rules.timeZone());
        Instant noticeAt = expiresAt == null || rules.expiry().notifyDaysBefore() == 0 ? null
                : expiresAt.minus(Duration.ofDays(rules.expiry().notifyDaysBefore()));
        return new Lot(lotId, points, earnedAt, earnedAt.plus(Duration.ofDays(rules.pendingDays())), expiresAt,
                noticeAt);
    }

    private void upgradeTier(ProgramRules rules, Instant at) {
        TierRules tiers = rules.tiers();
        TierRules.Level reached = tiers.levelFor(qualifying(tiers, at));
        if (reached != null && tiers.rank(reached.name()) > tiers.rank(tier)) {
            apply(new TierChanged(memberId, chainId, tier, reached.name(), "QUALIFIED", at));
        }
    }

    /** Downgrades when the window no longer qualifies; with grace, only if it did not qualify grace days ago either. */
    private void downgradeTier(ProgramRules rules, Instant at) {
        TierRules tiers = rules.tiers();
        if (tier == null || tiers.downgrade() == TierRules.Downgrade.NEVER) {
            return;
        }
        TierRules.Level now = tiers.levelFor(qualifying(tiers, at));
        if (tiers.downgrade() == TierRules.Downgrade.AFTER_GRACE) {
            TierRules.Level before = tiers.levelFor(qualifying(tiers, at.minus(Duration.ofDays(tiers.graceDays()))));
            now = tiers.rank(before == null ? null : before.name()) > tiers.rank(now == null ? null : now.name())
                    ? before : now;
        }
        String target = now == null ? null : now.name();
        if (tiers.rank(target) < tiers.rank(tier)) {
            apply(new TierChanged(memberId, chainId, tier, target, "WINDOW_NO_LONGER_QUALIFIES", at));
        }
    }

    private BigDecimal qualifying(TierRules tiers, Instant at) {
        Instant from = at.minus(Duration.ofDays(tiers.windowDays()));
        return activity.stream().filter(a -> a.at().isAfter(from) && !a.at().isAfter(at))
                .map(a -> switch (tiers.basis()) {
                    case POINTS -> BigDecimal.valueOf(a.points());
                    case SPEND -> a.spend();
                    case VISITS -> BigDecimal.valueOf(a.visits());
                })
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @EventSourcingHandler
    void on(PointsAccountOpened event) {
        memberId = event.memberId();
        chainId = event.chainId();
        birthday = event.birthday();
    }

    @EventSourcingHandler
    void on(PointsEarned event) {
        if (frozenAt(event)) {
            return;
        }
        String key = transactionKey(event.chainId(), event.transactionId());
        processedTransactions.add(key);
        if (event.fingerprint() != null) {
            fingerprints.put(key, event.fingerprint());
        }
        Instant at = event.occurredAt().toInstant();
        if (event.lot() != null) {
            ledger.credit(event.lot());
            earningPurchases++;
            purchases.put(key, new Purchase(event.lot().lotId(), event.points(), event.amount(),
                    event.eligibleAmount(), at, event.referrerBonus(), BigDecimal.ZERO, 0));
        }
        if (event.breakdown().stream().anyMatch(c -> c.rule().equals(EarningPolicy.BIRTHDAY))) {
            lastBirthdayBonus = at;
        }
        activity.add(new Activity(at, event.points(), event.eligibleAmount(), 1));
    }

    @EventSourcingHandler
    void on(PointsReversed event) {
        if (frozenAt(event)) {
            return;
        }
        String original = transactionKey(event.chainId(), event.originalTransactionId());
        String returnKey = transactionKey(event.chainId(), event.transactionId());
        processedTransactions.add(returnKey);
        if (event.fingerprint() != null) {
            fingerprints.put(returnKey, event.fingerprint());
        }
        purchases.computeIfPresent(original, (key, purchase) -> purchase.returned(event.share(), event.points()));
        ledger.debit(event.debits());
        ledger.addDebt(event.debt());
        activity.add(new Activity(event.occurredAt().toInstant(), -event.points(), event.returnedAmount().negate(), 0));
    }

    @EventSourcingHandler
    void on(PointsRedeemed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (frozenAt(event)) {
            return;
        }
        ledger.debit(event.debits());
        answeredRequests.put(event.requestId(), new AnsweredRequest(eventId, at, event));
    }

    @EventSourcingHandler
    void on(PointsRedemptionRejected event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        answeredRequests.put(event.requestId(), new AnsweredRequest(eventId, at, event));
    }

    @EventSourcingHandler
    void on(PointsAwarded event) {
        if (frozenAt(event)) {
            return;
        }
        awards.add(event.awardId());
        ledger.credit(event.lot());
        activity.add(new Activity(event.awardedAt(), event.points(), BigDecimal.ZERO, 0));
    }

    @EventSourcingHandler
    void on(PointsAdjusted event) {
        if (frozenAt(event)) {
            return;
        }
        awards.add(event.adjustmentId());
        if (event.lot() != null) {
            ledger.credit(event.lot());
        }
        ledger.debit(event.debits());
    }

    @EventSourcingHandler
    void on(PointsExpired event) {
        if (frozenAt(event)) {
            return;
        }
        ledger.debit(event.debits());
    }

    @EventSourcingHandler
    void on(ExpiryAnnounced event) {
        announcedLots.addAll(event.lotIds());
    }

    @EventSourcingHandler
    void on(TierChanged event) {
        tier = event.toTier();
    }

    @EventSourcingHandler
    void on(ReferralRecorded event) {
        referrer = event.referrerMemberId();
    }

    @EventSourcingHandler
    void on(MembershipEnded event) {
        active = false;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        birthday = null;
    }

    static String transactionKey(String chainId, String transactionId) {
        return chainId + ":" + transactionId;
    }

    /** A purchase that earned points, with what its returns have taken back so far. */
    private record Purchase(String lotId, long points, BigDecimal amount, BigDecimal eligibleAmount,
                            Instant occurredAt, long referrerBonus, BigDecimal returnedShare, long reversedPoints) {
        Purchase returned(BigDecimal share, long points) {
            return new Purchase(lotId, this.points, amount, eligibleAmount, occurredAt, referrerBonus, share,
                    reversedPoints + points);
        }
    }

    /** What one event counts towards the tiers. */
    private record Activity(Instant at, long points, BigDecimal spend, int visits) {
    }
}

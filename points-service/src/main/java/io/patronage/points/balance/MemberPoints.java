package io.patronage.points.balance;

import io.micronaut.core.annotation.Nullable;
import io.patronage.points.account.Holdings;
import io.patronage.points.ledger.Ledger;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.TierRules;
import io.patronage.points.tiers.Activity;
import io.patronage.points.tiers.TierChanged;
import io.patronage.points.tiers.TierPolicy;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A member's document in the balance read model: the {@link Balance} and what answers every other figure of
 * {@code GET /members/{id}/points} at any instant, folded from the same events with the account's own fold
 * ({@link Holdings}): the open lots (without their notice instants, which only the review needs, and with what each
 * brought and where from, which only {@code /points/lots} needs) and the debt, the tier and the activity that counts
 * towards the tiers (the last {@link #ACTIVITY_KEPT} of it). A fold stops before a poisoned event (see
 * {@link Balance}) and keeps why: the account is frozen there and its figures are refused.
 *
 * @param lots   oldest earned first; {@code null} for a document written before the read model kept them (see
 *               {@link #complete})
 * @param origins what each open lot brought and where from, by lot id; a document written before the read model kept
 *               them lacks them (see {@link #complete})
 * @param activityFrom activity up to this instant was dropped, {@code null} when none was
 * @param frozen why the account is frozen (its first poisoned event), {@code null} for a sound one
 */
record MemberPoints(Balance balance, @Nullable List<OpenLot> lots, Map<String, LotOrigin> origins, long debt,
                    @Nullable String tier, List<Activity> activity, @Nullable Instant activityFrom,
                    @Nullable String frozen) {

    /**
     * How long activity is kept, counted back from the latest: any tier window up to this long is answered from the
     * document, a longer one from the log.
     */
    static final Duration ACTIVITY_KEPT = Duration.ofDays(731);

    static MemberPoints opened(PointsAccountOpened event, long sequence) {
        return new MemberPoints(Balance.opened(event, sequence), List.of(), Map.of(), 0, null, List.of(), null, null);
    }

    /**
     * The document after {@code event}; {@code current} is {@code null} before the account was opened.
     *
     * @throws PointsOverflowException for a poisoned event, saying which and why
     */
    static MemberPoints fold(@Nullable MemberPoints current, PointsAccountEvent event, long sequence) {
        return fold(current, event, sequence, ACTIVITY_KEPT);
    }

    /** {@link #fold}, keeping the activity of the last {@code kept} ({@code null}: all of it). */
    private static MemberPoints fold(@Nullable MemberPoints current, PointsAccountEvent event, long sequence,
                                     @Nullable Duration kept) {
        Balance balance = Balance.fold(current == null ? null : current.balance, event, sequence);
        if (event instanceof PointsAccountOpened opened) {
            return opened(opened, sequence);
        }
        if (!current.complete()) {
            throw new IllegalStateException("member " + balance.memberId() + ": no lots to fold event " + sequence
                    + " into");
        }
        Ledger ledger = new Ledger(current.lots, current.debt);
        List<Activity> activity = new ArrayList<>(current.activity);
        Holdings.fold(event, ledger, activity);
        Map<String, LotOrigin> origins = new HashMap<>(current.origins);
        LotOrigin.Credited credited = LotOrigin.of(event);
        if (credited != null) {
            origins.put(credited.lotId(), credited.origin());
        }
        Set<String> open = ledger.lots().stream().map(OpenLot::lotId).collect(Collectors.toSet());
        origins.keySet().retainAll(open);
        String tier = event instanceof TierChanged changed ? changed.toTier() : current.tier;
        List<OpenLot> lots = ledger.lots().stream().map(lot -> lot.noticeAt() == null ? lot
                : new OpenLot(lot.lotId(), lot.earnedAt(), lot.availableAt(), lot.expiresAt(), null, lot.remaining()))
                .toList();
        Instant activityFrom = current.activityFrom;
        Instant latest = activity.stream().map(Activity::at).max(Instant::compareTo).orElse(null);
        Instant cutoff = latest == null || kept == null ? null : latest.minus(kept);
        if (cutoff != null && activity.removeIf(a -> !a.at().isAfter(cutoff))
                && (activityFrom == null || cutoff.isAfter(activityFrom))) {
            activityFrom = cutoff;
        }
        return new MemberPoints(balance, lots, Map.copyOf(origins), ledger.debt(), tier, List.copyOf(activity),
                activityFrom, null);
    }

    /**
     * Folds one account's stored events in sequence order, each sequence number once and none after {@code upTo};
     * {@code null} when there is nothing to fold. A poisoned event stops the fold: {@code poisoned} is told why, and
     * the document before it is returned, frozen.
     */
    static MemberPoints replay(Stream<? extends DomainEventMessage<?>> events, long upTo, Consumer<String> poisoned) {
        return replay(events, upTo, poisoned, ACTIVITY_KEPT);
    }

    /** {@link #replay}, keeping the activity of the last {@code kept} ({@code null}: all of it). */
    static MemberPoints replay(Stream<? extends DomainEventMessage<?>> events, long upTo, Consumer<String> poisoned,
                               @Nullable Duration kept) {
        MemberPoints points = null;
        Iterator<? extends DomainEventMessage<?>> messages = events.iterator();
        while (messages.hasNext()) {
            DomainEventMessage<?> message = messages.next();
            long sequence = message.getSequenceNumber();
            boolean next = points == null ? sequence == 0 : sequence == points.version() + 1;
            if (next && sequence <= upTo && message.getPayload() instanceof PointsAccountEvent event) {
                try {
                    points = fold(points, event, sequence, kept);
                } catch (PointsOverflowException e) {
                    poisoned.accept(e.getMessage());
                    return points == null ? null : points.frozenAt(e.getMessage());
                }
            }
        }
        return points;
    }

    MemberPoints frozenAt(String reason) {
        return new MemberPoints(balance, lots, origins, debt, tier, activity, activityFrom, reason);
    }

    /**
     * Whether the document answers every figure and lot: one written before the read model kept the lots, or their
     * origins, does not.
     */
    boolean complete() {
        return lots != null && lots.stream().allMatch(lot -> origins.containsKey(lot.lotId()));
    }

    /** Whether the activity kept covers a tier window of {@code tiers} that ends at {@code at}. */
    boolean covers(TierRules tiers, Instant at) {
        return activityFrom == null || !at.minus(Duration.ofDays(tiers.windowDays())).isBefore(activityFrom);
    }

    long version() {
        return balance.version();
    }

    /**
     * Every figure at {@code now}: what can be spent and what is pending, the debt, what expires within
     * {@code expiringWithinDays}, the tier and what is missing to the next one under the tiers of {@code rules}, in
     * points of its unit.
     *
     * @throws PointsOverflowException when the account is frozen
     */
    PointsBalance at(Instant now, ProgramRules rules, int expiringWithinDays) {
        if (frozen != null) {
            throw new PointsOverflowException(frozen);
        }
        Ledger ledger = new Ledger(lots, debt);
        Instant horizon = now.plus(Duration.ofDays(expiringWithinDays));
        long expiring = ledger.beyondDebt(lots.stream().filter(lot -> lot.expiredAt(horizon)).mapToLong(OpenLot::remaining)
                .reduce(0, LedgerLimits::add));
        TierRules tiers = rules.tiers();
        PointsUnit unit = rules.unit();
        BigDecimal qualifying = TierPolicy.qualifying(tiers, unit, activity, ledger, now);
        TierRules.Level next = tiers.next(tier);
        return new PointsBalance(balance.memberId(), unit.points(balance.balance()),
                unit.points(balance.lifetimeEarned()), unit.points(balance.lifetimeRedeemed()),
                unit.points(Math.max(0, ledger.available(now))), unit.points(ledger.pending(now)), unit.points(debt),
                unit.points(expiring), expiringWithinDays, nextExpiry(ledger, unit), tier, next == null ? null : next.name(),
                next == null ? null : next.threshold().subtract(qualifying).max(BigDecimal.ZERO), null);
    }

    /** The earliest expiry of the open lots and what of them will be lost then; {@code null} when none expires. */
    private PointsBalance.NextExpiry nextExpiry(Ledger ledger, PointsUnit unit) {
        return lots.stream().map(OpenLot::expiresAt).filter(Objects::nonNull).min(Instant::compareTo)
                .map(at -> new PointsBalance.NextExpiry(at, unit.points(ledger.beyondDebt(lots.stream()
                        .filter(lot -> at.equals(lot.expiresAt())).mapToLong(OpenLot::remaining)
                        .reduce(0, LedgerLimits::add)))))
                .orElse(null);
    }

    /**
     * The open lots, soonest expiry first (never-expiring last), then oldest earned first.
     *
     * @throws PointsOverflowException when the account is frozen
     */
    List<PointsLot> byExpiry(PointsUnit unit) {
        if (frozen != null) {
            throw new PointsOverflowException(frozen);
        }
        return lots.stream().map(lot -> PointsLot.of(lot, origins.get(lot.lotId()), unit)).sorted(PointsLot.BY_EXPIRY)
                .toList();
    }
}

package io.patronage.points.whatif;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.account.Holdings;
import io.patronage.points.account.Poisoned;
import io.patronage.points.earning.AccountStanding;
import io.patronage.points.earning.CappedEarning;
import io.patronage.points.earning.EarningOutcome;
import io.patronage.points.earning.EarningPolicy;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.earning.Standing;
import io.patronage.points.errors.PointsException;
import io.patronage.points.eventlog.EventLog;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.Programs;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What-if re-rating: the chain's purchases of a period (the inputs their {@code PointsEarned} events keep) rated
 * again under a draft program version, against what was issued, per rule and in total. One pass over the event
 * store; writes nothing. Each member's {@link Standing} (birthday, purchases so far, last birthday bonus, tier,
 * referral) is folded from the log as it actually was, by the account's own fold, so member bonuses are judged as
 * they would have been then, except the day and period caps, which count what the draft would have credited
 * earlier (before {@code from}: what was credited); the referrer's side of a referral is not counted (it lands on another account).
 * <p>
 * When the draft has tiers, the tier each purchase is rated at is the draft's own ({@link DraftTier}): its basis
 * (window activity, balance or available points, folded by the account's own {@link Holdings}), upgrades on reaching a
 * threshold, and its downgrade mode as if the account were reviewed at each purchase; otherwise the tier the member
 * actually had.
 * <p>
 * A purchase whose earning is poisoned (beyond the ledger's limits, stored by an older version), or that the draft
 * would rate beyond the ceiling of one transaction, is skipped and listed with the reason (the first
 * {@link #SKIPPED_LISTED}); the totals are exact. A draft that keeps more decimals ({@code pointsDecimals}) than the
 * chain's points is compared in them: what was issued (in the chain's unit) is scaled to the draft's, and every figure
 * is answered with its decimals; a draft keeping fewer is refused (the history cannot be stated in its unit).
 */
@Singleton
public class WhatIf {

    static final int SKIPPED_LISTED = 100;

    private final EventLog log;
    private final Programs programs;

    WhatIf(EventLog log, Programs programs) {
        this.log = log;
        this.programs = programs;
    }

    /** Points as the draft keeps them: whole, or with its {@code pointsDecimals}. */
    public record RuleDifference(String rule, BigDecimal issued, BigDecimal wouldIssue, BigDecimal difference) {
    }

    /** A purchase left out of the comparison, and why. */
    public record Skipped(String memberId, String transactionId, String reason) {
    }

    /**
     * @param purchasesSkipped how many purchases of the period were left out; {@code skipped} lists the first
     *                         {@value #SKIPPED_LISTED}
     */
    public record Report(String chainId, String draftVersion, Instant from, Instant to, long eventsRead,
                         int purchases, int members, BigDecimal issued, BigDecimal wouldIssue, BigDecimal difference,
                         List<RuleDifference> rules, int purchasesSkipped, List<Skipped> skipped) {
    }

    /**
     * @throws PointsException.Overflow       when the period's totals are beyond a long (unreachable within the limits)
     * @throws PointsException.InvalidRequest for a draft keeping fewer decimals than the chain's points
     */
    public Report rerate(String chainId, ProgramRules draft, Instant from, Instant to) {
        PointsUnit chainUnit = programs.unit(chainId);
        if (draft.pointsDecimals() < chainUnit.decimals()) {
            throw new PointsException.InvalidRequest("draft.pointsDecimals " + draft.pointsDecimals()
                    + ": the points of " + chainId + " keep " + chainUnit.decimals() + " decimals, a draft may not keep fewer");
        }
        try {
            return compare(chainId, chainUnit, draft, from, to);
        } catch (PointsOverflowException | ArithmeticException e) {
            throw new PointsException.Overflow(e.getMessage());
        }
    }

    private Report compare(String chainId, PointsUnit chainUnit, ProgramRules draft, Instant from, Instant to) {
        ProgramRules rules = draft.withEffectiveFrom(Instant.EPOCH);
        // compared in the draft's units: what was issued (in the chain's unit) scaled up to them
        long unit = rules.unitsPerPoint() / chainUnit.perPoint();
        Map<String, Standing> standings = new HashMap<>();
        // what the draft would have credited towards the day and period caps (outside the period: what was credited)
        Map<String, List<CappedEarning>> draftEarnings = new HashMap<>();
        Map<String, DraftTier> tiers = new HashMap<>();
        Map<String, long[]> perRule = new TreeMap<>();
        Set<String> members = new HashSet<>();
        int[] purchases = {0};
        List<Skipped> skipped = new ArrayList<>();
        int[] skippedCount = {0};
        long events = log.forEach("what-if " + chainId, (sequence, event) -> {
            if (event instanceof PointsAccountOpened opened && opened.chainId().equals(chainId)) {
                standings.put(opened.memberId(), new Standing());
                tiers.put(opened.memberId(), new DraftTier(rules.tiers(), chainUnit));
            }
            Standing standing = standings.get(event.memberId());
            if (standing == null) {
                return;
            }
            DraftTier tier = tiers.get(event.memberId());
            if (event instanceof PointsEarned earned) {
                Instant at = earned.occurredAt().toInstant();
                List<CappedEarning> earnings = draftEarnings.computeIfAbsent(earned.memberId(), m -> new ArrayList<>());
                long capped = 0;
                AccountStanding now = tier.standing(standing.now(), at).withEarnings(earnings);
                if (!at.isBefore(from) && at.isBefore(to)) {
                    EarningOutcome outcome = null;
                    try {
                        String poisoned = Poisoned.violation(earned);
                        if (poisoned != null) {
                            throw new PointsOverflowException(poisoned);
                        }
                        outcome = EarningPolicy.earn(rules, now, transaction(earned));
                        capped = EarningPolicy.capped(outcome.breakdown());
                    } catch (PointsOverflowException e) {
                        if (skippedCount[0]++ < SKIPPED_LISTED) {
                            skipped.add(new Skipped(earned.memberId(), earned.transactionId(), e.getMessage()));
                        }
                    }
                    if (outcome != null) {
                        earned.breakdown().forEach(c -> add(perRule, c.rule(), Math.multiplyExact(c.points(), unit), 0));
                        outcome.breakdown().forEach(c -> add(perRule, c.rule(), c.points(), 1));
                        purchases[0]++;
                        members.add(earned.memberId());
                    }
                } else if (Poisoned.violation(earned) == null) {
                    capped = Math.multiplyExact(EarningPolicy.capped(earned.breakdown()), unit);
                }
                if (capped > 0) {
                    earnings.add(new CappedEarning(at, capped));
                }
            }
            standing.fold(event);
            tier.fold(event);
        });
        List<RuleDifference> rows = new ArrayList<>();
        long issued = 0;
        long wouldIssue = 0;
        for (Map.Entry<String, long[]> rule : perRule.entrySet()) {
            long[] points = rule.getValue();
            rows.add(new RuleDifference(rule.getKey(), rules.points(points[0]), rules.points(points[1]),
                    rules.points(Math.subtractExact(points[1], points[0]))));
            issued = LedgerLimits.add(issued, points[0]);
            wouldIssue = LedgerLimits.add(wouldIssue, points[1]);
        }
        return new Report(chainId, draft.version(), from, to, events, purchases[0], members.size(),
                rules.points(issued), rules.points(wouldIssue), rules.points(Math.subtractExact(wouldIssue, issued)), rows,
                skippedCount[0], skipped);
    }

    /** Adds a rule's units to its issued ({@code side} 0) or would-issue (1) units, exactly. */
    private static void add(Map<String, long[]> perRule, String rule, long units, int side) {
        long[] points = perRule.computeIfAbsent(rule, r -> new long[2]);
        points[side] = LedgerLimits.add(points[side], units);
    }

    private static PosTransaction transaction(PointsEarned earned) {
        return new PosTransaction(earned.transactionId(), earned.chainId(), earned.storeId(), null,
                TransactionType.PURCHASE, earned.occurredAt(), earned.currency(), earned.amount(), earned.lines(),
                earned.couponCodes(), null);
    }
}

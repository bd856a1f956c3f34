package io.patronage.points.earning;

import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PersonalDataErased;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.referral.ReferralRecorded;
import io.patronage.points.tiers.TierChanged;

import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A member's standing as the earning rules see it ({@link AccountStanding}), folded from the account's events: the
 * one fold that the account keeps and that what-if re-rating replays. Its fields are part of the account's
 * snapshot (unwrapped, under these names).
 * <p>
 * {@code earnings} (what purchases credited towards the day and period caps) is {@code null} until the opening is
 * folded: a snapshot written before it was kept has none, and the account {@linkplain #assumeEarnings completes it}.
 */
public final class Standing {

    /** Earnings older than this (before the newest one folded) are dropped: a calendar year and a late record fit. */
    static final int EARNINGS_KEPT_DAYS = 731;

    private MonthDay birthday;
    private int earningPurchases;
    private Instant lastBirthdayBonus;
    private String tier;
    private String referrer;
    private List<CappedEarning> earnings;

    public void fold(PointsAccountEvent event) {
        if (event instanceof PointsAccountOpened opened) {
            birthday = opened.birthday();
            if (earnings == null) {
                earnings = new ArrayList<>();
            }
        } else if (event instanceof PointsEarned earned) {
            if (earned.lot() != null) {
                earningPurchases++;
                earned(new CappedEarning(earned.occurredAt().toInstant(), EarningPolicy.capped(earned.breakdown())));
            }
            if (earned.breakdown().stream().anyMatch(c -> c.rule().equals(EarningPolicy.BIRTHDAY))) {
                lastBirthdayBonus = earned.occurredAt().toInstant();
            }
        } else if (event instanceof TierChanged changed) {
            tier = changed.toTier();
        } else if (event instanceof ReferralRecorded referral) {
            referrer = referral.referrerMemberId();
        } else if (event instanceof PersonalDataErased) {
            birthday = null;
        }
    }

    private void earned(CappedEarning earning) {
        if (earnings == null) {
            earnings = new ArrayList<>();
        }
        Instant kept = earning.at().minus(Duration.ofDays(EARNINGS_KEPT_DAYS));
        earnings.removeIf(e -> e.at().isBefore(kept));
        if (earning.points() > 0) {
            earnings.add(earning);
        }
    }

    /** Whether the earnings are missing: this standing was read from a snapshot written before they were kept. */
    public boolean earningsUnknown() {
        return earnings == null;
    }

    /**
     * Completes a standing read from a snapshot written before earnings were kept, with what its purchases credited
     * (their whole points: member bonuses count towards the caps here, so a cap is never exceeded).
     */
    public void assumeEarnings(Collection<CappedEarning> purchases) {
        earnings = new ArrayList<>();
        purchases.stream().sorted(java.util.Comparator.comparing(CappedEarning::at)).forEach(this::earned);
    }

    public AccountStanding now() {
        return new AccountStanding(birthday, earningPurchases, lastBirthdayBonus, tier, referrer != null,
                earnings == null ? List.of() : Collections.unmodifiableList(earnings));
    }

    public MonthDay birthday() {
        return birthday;
    }

    public int earningPurchases() {
        return earningPurchases;
    }

    public String tier() {
        return tier;
    }

    /** Who referred the member, {@code null} when nobody did. */
    public String referrer() {
        return referrer;
    }
}

package io.patronage.points.earning;

import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PersonalDataErased;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.referral.ReferralRecorded;
import io.patronage.points.tiers.TierChanged;

import java.time.Instant;
import java.time.MonthDay;

/**
 * A member's standing as the earning rules see it ({@link AccountStanding}), folded from the account's events: the
 * one fold that the account keeps and that what-if re-rating replays. Its fields are part of the account's
 * snapshot (unwrapped, under these names).
 */
public final class Standing {

    private MonthDay birthday;
    private int earningPurchases;
    private Instant lastBirthdayBonus;
    private String tier;
    private String referrer;

    public void fold(PointsAccountEvent event) {
        if (event instanceof PointsAccountOpened opened) {
            birthday = opened.birthday();
        } else if (event instanceof PointsEarned earned) {
            if (earned.lot() != null) {
                earningPurchases++;
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

    public AccountStanding now() {
        return new AccountStanding(birthday, earningPurchases, lastBirthdayBonus, tier, referrer != null);
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

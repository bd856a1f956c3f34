package io.patronage.points.earning;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;

/**
 * The member's account as the earning rules see it.
 *
 * @param birthday           month and day of birth; {@code null} when the member gave none (or it was erased)
 * @param purchases          purchases that already earned points: 0 means the next one is the first
 * @param lastBirthdayBonus  when the birthday bonus was last given, {@code null} never
 * @param tier               the member's tier, {@code null} for none
 * @param referred           the member was referred and the referral bonus has not been given yet
 * @param earnings           what the member's purchases credited towards the day and period caps (the last
 *                           {@value Standing#EARNINGS_KEPT_DAYS} days of them)
 */
public record AccountStanding(MonthDay birthday, int purchases, Instant lastBirthdayBonus, String tier,
                              boolean referred, List<CappedEarning> earnings) {

    public AccountStanding {
        earnings = earnings == null ? List.of() : earnings;
    }

    public AccountStanding(MonthDay birthday, int purchases, Instant lastBirthdayBonus, String tier, boolean referred) {
        this(birthday, purchases, lastBirthdayBonus, tier, referred, null);
    }

    public AccountStanding(MonthDay birthday, int purchases) {
        this(birthday, purchases, null, null, false);
    }

    /** The same standing with other earnings (what-if: those the draft would have credited). */
    public AccountStanding withEarnings(List<CappedEarning> others) {
        return new AccountStanding(birthday, purchases, lastBirthdayBonus, tier, referred, others);
    }

    /** What purchases of till time within {@code [from, to)} credited towards the caps. */
    public long earnedBetween(Instant from, Instant to) {
        long points = 0;
        for (CappedEarning earning : earnings) {
            if (!earning.at().isBefore(from) && earning.at().isBefore(to)) {
                points = Math.addExact(points, earning.points());
            }
        }
        return points;
    }
}

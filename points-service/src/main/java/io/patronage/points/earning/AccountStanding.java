package io.patronage.points.earning;

import java.time.Instant;
import java.time.MonthDay;

/**
 * The member's account as the earning rules see it.
 *
 * @param birthday           month and day of birth; {@code null} when the member gave none (or it was erased)
 * @param purchases          purchases that already earned points: 0 means the next one is the first
 * @param lastBirthdayBonus  when the birthday bonus was last given, {@code null} never
 * @param tier               the member's tier, {@code null} for none
 * @param referred           the member was referred and the referral bonus has not been given yet
 */
public record AccountStanding(MonthDay birthday, int purchases, Instant lastBirthdayBonus, String tier,
                              boolean referred) {

    public AccountStanding(MonthDay birthday, int purchases) {
        this(birthday, purchases, null, null, false);
    }
}

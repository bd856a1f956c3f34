package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A chain's birthday offer: each member who gave a birthday gets a coupon of reward {@code rewardId} once a year,
 * on the day ({@link When#DAY}) or on the first day of the month ({@link When#MONTH}) of their birthday, in the chain's
 * time zone.
 *
 * @param since            when the chain first set an offer: the days from the day it was set on are granted
 * @param processedThrough the last day (the chain's zone) whose birthdays were granted; {@code null} before the first
 */
@Introspected
public record BirthdayOffer(String chainId, String rewardId, When when, Instant since, Instant updatedAt,
                            @Nullable LocalDate processedThrough) {

    /** When in the year a member's birthday coupon comes. */
    public enum When {
        /** On the birthday itself (a 29 February birthday on 28 February in other years). */
        DAY,
        /** On the first day of the birthday's month. */
        MONTH
    }
}

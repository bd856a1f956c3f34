package io.patronage.rewards.automatic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The birthday offer's decisions, pure: which days to grant, and whose birthdays each day celebrates. */
final class BirthdayPolicy {

    /** Days missed while no instance ran (downtime) are caught up, at most this many back from today. */
    static final int CATCH_UP_DAYS = 31;

    private static final MonthDay LEAP_DAY = MonthDay.of(Month.FEBRUARY, 29);

    private BirthdayPolicy() {
    }

    /**
     * The days (the chain's zone) still to grant, oldest first: from the day after the last one processed — or, for a
     * new offer, from the day it was set — through {@code today}, but no more than {@link #CATCH_UP_DAYS}; none when
     * {@code today} is processed already.
     */
    static List<LocalDate> daysToGrant(BirthdayOffer offer, ZoneId zone, LocalDate today) {
        LocalDate first = offer.processedThrough() == null ? LocalDate.ofInstant(offer.since(), zone)
                : offer.processedThrough().plusDays(1);
        LocalDate earliest = today.minusDays(CATCH_UP_DAYS - 1L);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first.isBefore(earliest) ? earliest : first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** The next instant a day is to be granted: the chain-local midnight that starts it (in the past when late). */
    static Instant nextDue(BirthdayOffer offer, ZoneId zone) {
        LocalDate next = offer.processedThrough() == null ? LocalDate.ofInstant(offer.since(), zone)
                : offer.processedThrough().plusDays(1);
        return next.atStartOfDay(zone).toInstant();
    }

    /**
     * The birthdays whose coupon comes on {@code day}: with {@code DAY} that day's (and 29 February's on 28 February of
     * a year without one); with {@code MONTH}, on the first of a month, every day of that month; else none.
     */
    static List<MonthDay> birthdaysOn(LocalDate day, BirthdayOffer.When when) {
        List<MonthDay> birthdays = new ArrayList<>();
        if (when == BirthdayOffer.When.MONTH) {
            if (day.getDayOfMonth() == 1) {
                for (int date = 1; date <= day.getMonth().maxLength(); date++) {
                    birthdays.add(MonthDay.of(day.getMonth(), date));
                }
            }
            return birthdays;
        }
        birthdays.add(MonthDay.from(day));
        if (!day.isLeapYear() && MonthDay.from(day).equals(LEAP_DAY.withDayOfMonth(28))) {
            birthdays.add(LEAP_DAY);
        }
        return birthdays;
    }

    /** The day of {@code year} a birthday's coupon comes on (the inverse of {@link #birthdaysOn}). */
    static LocalDate grantDay(MonthDay birthday, int year, BirthdayOffer.When when) {
        return when == BirthdayOffer.When.MONTH ? LocalDate.of(year, birthday.getMonth(), 1) : birthday.atYear(year);
    }
}

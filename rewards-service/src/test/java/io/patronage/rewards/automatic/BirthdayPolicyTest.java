package io.patronage.rewards.automatic;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BirthdayPolicyTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final BirthdayOffer.When DAY = BirthdayOffer.When.DAY;
    private static final BirthdayOffer.When MONTH = BirthdayOffer.When.MONTH;

    private static BirthdayOffer offer(Instant since, LocalDate processedThrough) {
        return new BirthdayOffer("chain-1", "cake", DAY, since, since, processedThrough);
    }

    @Test
    void aBirthdayIsCelebratedOnItsDayOrOnTheFirstOfItsMonth() {
        assertEquals(List.of(MonthDay.of(4, 12)), BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 4, 12), DAY));
        List<MonthDay> april = BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 4, 1), MONTH);
        assertEquals(30, april.size());
        assertTrue(april.contains(MonthDay.of(4, 1)) && april.contains(MonthDay.of(4, 30)));
        assertEquals(List.of(), BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 4, 12), MONTH), "not the first");
        assertEquals(31, BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 12, 1), MONTH).size());
    }

    @Test
    void aLeapDayBirthdayIsCelebratedOnTheTwentyEighthInOtherYears() {
        assertEquals(List.of(MonthDay.of(2, 28), MonthDay.of(2, 29)),
                BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 2, 28), DAY));
        assertEquals(List.of(MonthDay.of(2, 28)), BirthdayPolicy.birthdaysOn(LocalDate.of(2028, 2, 28), DAY));
        assertEquals(List.of(MonthDay.of(2, 29)), BirthdayPolicy.birthdaysOn(LocalDate.of(2028, 2, 29), DAY));
        assertTrue(BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 2, 1), MONTH).contains(MonthDay.of(2, 29)),
                "in month mode too, in a year without one");
        assertTrue(BirthdayPolicy.birthdaysOn(LocalDate.of(2027, 3, 1), DAY).equals(List.of(MonthDay.of(3, 1))),
                "not on 1 March");
    }

    /** Every birthday is celebrated on exactly one day of each year, the day grantDay names, in either mode. */
    @Test
    void everyBirthdayIsCelebratedOnceAYear() {
        for (BirthdayOffer.When when : BirthdayOffer.When.values()) {
            for (int year : List.of(2027, 2028)) {
                Map<MonthDay, List<LocalDate>> celebrated = new HashMap<>();
                LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).forEach(day -> BirthdayPolicy
                        .birthdaysOn(day, when).forEach(birthday -> celebrated.computeIfAbsent(birthday,
                                any -> new ArrayList<>()).add(day)));
                LocalDate.of(2028, 1, 1).datesUntil(LocalDate.of(2029, 1, 1)).map(MonthDay::from).forEach(birthday ->
                        assertEquals(List.of(BirthdayPolicy.grantDay(birthday, year, when)), celebrated.get(birthday),
                                birthday + " in " + year + " by " + when));
                assertEquals(366, celebrated.size());
            }
        }
    }

    @Test
    void aNewOfferGrantsFromTheDayItWasSetInTheChainsZone() {
        Instant set = Instant.parse("2026-12-03T12:30:00Z"); // 4 December, 01:30 in Auckland
        assertEquals(List.of(LocalDate.of(2026, 12, 4)),
                BirthdayPolicy.daysToGrant(offer(set, null), AUCKLAND, LocalDate.of(2026, 12, 4)));
        assertEquals(List.of(LocalDate.of(2026, 12, 3)),
                BirthdayPolicy.daysToGrant(offer(set, null), ATHENS, LocalDate.of(2026, 12, 3)));
        assertEquals(Instant.parse("2026-12-03T11:00:00Z"), BirthdayPolicy.nextDue(offer(set, null), AUCKLAND),
                "midnight starting 4 December in Auckland (NZDT, +13)");
    }

    @Test
    void aDayIsGrantedOnceAndMissedDaysAreCaughtUpBoundedly() {
        Instant set = Instant.parse("2026-06-01T08:00:00Z");
        assertEquals(List.of(), BirthdayPolicy.daysToGrant(offer(set, LocalDate.of(2026, 12, 3)), ATHENS,
                LocalDate.of(2026, 12, 3)), "a run again the same day grants nothing");
        assertEquals(List.of(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3)), BirthdayPolicy.daysToGrant(
                offer(set, LocalDate.of(2026, 12, 1)), ATHENS, LocalDate.of(2026, 12, 3)), "two days of downtime");
        List<LocalDate> afterMonths = BirthdayPolicy.daysToGrant(offer(set, LocalDate.of(2026, 8, 1)), ATHENS,
                LocalDate.of(2026, 12, 3));
        assertEquals(BirthdayPolicy.CATCH_UP_DAYS, afterMonths.size());
        assertEquals(LocalDate.of(2026, 11, 3), afterMonths.get(0));
        assertEquals(LocalDate.of(2026, 12, 3), afterMonths.get(afterMonths.size() - 1));
        assertEquals(Instant.parse("2026-12-03T22:00:00Z"),
                BirthdayPolicy.nextDue(offer(set, LocalDate.of(2026, 12, 3)), ATHENS), "the next Athens midnight");
        assertEquals(Instant.parse("2026-03-29T21:00:00Z"),
                BirthdayPolicy.nextDue(offer(set, LocalDate.of(2026, 3, 29)), ATHENS), "in summer time (+3)");
    }
}

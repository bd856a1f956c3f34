package io.patronage.analytics.views;

import io.patronage.analytics.periods.Period;
import io.patronage.analytics.periods.PeriodKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a member's enrollment or purchase changes the chain's views: a pure function of the member's activity before,
 * the fact, and the chain's active window. Each period's member flags (active in it, active at its start and end,
 * new, churned) are computed before and after; the change is what is counted, so a late purchase from an offline
 * till moves exactly the periods it belongs to, and nothing is counted twice.
 * <p>
 * Retention and churn are counted per week, month and quarter, not per day: with a window of weeks, a day's
 * members at its start and end are nearly the same people, and the rate says nothing.
 */
final class ActivityPolicy {

    static final List<PeriodKind> RETENTION_KINDS = List.of(PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER);

    private ActivityPolicy() {
    }

    record Outcome(MemberActivity after, Fact.Counted counted) {
    }

    static Outcome enrolled(MemberActivity before, LocalDate day, Instant at, int windowDays) {
        if (before.enrolledOn() != null) {
            return new Outcome(before, new Fact.Counted(before.chainId(), List.of(), List.of()));
        }
        MemberActivity after = before.enrolled(day, at);
        Set<Period> periods = new LinkedHashSet<>();
        for (PeriodKind kind : PeriodKind.values()) {
            periods.add(kind.of(day));
        }
        return outcome(before, after, periods, day, Tally.enrolled(at), windowDays);
    }

    static Outcome bought(MemberActivity before, LocalDate day, Instant at, BigDecimal total, int windowDays) {
        MemberActivity after = before.bought(day, at, total);
        Set<Period> periods = new LinkedHashSet<>();
        periods.add(Period.ALL_TIME);
        periods.add(PeriodKind.DAY.of(day));
        // the purchase keeps the member active up to windowDays later: every period whose start or end falls there
        for (PeriodKind kind : RETENTION_KINDS) {
            for (Period period = kind.of(day); !period.first().isAfter(day.plusDays(windowDays)); period = period.next()) {
                periods.add(period);
            }
        }
        return outcome(before, after, periods, day, Tally.memberPurchase(total, at), windowDays);
    }

    private static Outcome outcome(MemberActivity before, MemberActivity after, Set<Period> periods, LocalDate day,
                                   Tally event, int windowDays) {
        List<Fact.PeriodChange> changes = new ArrayList<>();
        for (Period period : periods) {
            Tally change = flags(after, period, windowDays).minus(flags(before, period, windowDays));
            if (period.contains(day)) {
                change = change.plus(event);
            }
            if (!change.countsNothing()) {
                changes.add(new Fact.PeriodChange(period.kind(), period.id(), change.withLastEventAt(event.lastEventAt())));
            }
        }
        List<Fact.CohortChange> cohorts = cohortChange(before, after);
        return new Outcome(after, new Fact.Counted(after.chainId(), changes, cohorts));
    }

    /** The member's flags in a period, each 0 or 1. */
    static Tally flags(MemberActivity member, Period period, int windowDays) {
        if (period.kind() == PeriodKind.ALL_TIME) {
            return Tally.activity(!member.purchaseDays().isEmpty(), false, false, false, false);
        }
        boolean active = member.boughtBetween(period.first(), period.last());
        if (!RETENTION_KINDS.contains(period.kind())) {
            return Tally.activity(active, false, false, false, false);
        }
        boolean atStart = member.activeOn(period.first().minusDays(1), windowDays);
        boolean atEnd = member.activeOn(period.last(), windowDays);
        boolean isNew = member.enrolledOn() != null && period.contains(member.enrolledOn());
        return Tally.activity(active, atStart, atEnd, atEnd && isNew, atStart && !atEnd);
    }

    /** Months since enrollment in which the member bought (never before the enrollment month). */
    static Set<Integer> cohortMonths(MemberActivity member) {
        Set<Integer> months = new TreeSet<>();
        if (member.enrolledOn() == null) {
            return months;
        }
        YearMonth cohort = YearMonth.from(member.enrolledOn());
        for (LocalDate day : member.purchaseDays()) {
            long since = ChronoUnit.MONTHS.between(cohort, YearMonth.from(day));
            if (since >= 0) {
                months.add((int) since);
            }
        }
        return months;
    }

    private static List<Fact.CohortChange> cohortChange(MemberActivity before, MemberActivity after) {
        if (after.enrolledOn() == null) {
            return List.of();
        }
        Set<Integer> was = cohortMonths(before);
        Set<Integer> is = cohortMonths(after);
        Map<Integer, Long> changes = new TreeMap<>();
        is.stream().filter(month -> !was.contains(month)).forEach(month -> changes.put(month, 1L));
        long members = before.enrolledOn() == null ? 1 : 0;
        if (changes.isEmpty() && members == 0) {
            return List.of();
        }
        return List.of(new Fact.CohortChange(YearMonth.from(after.enrolledOn()).toString(), members, changes));
    }
}

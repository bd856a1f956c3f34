package io.patronage.analytics.periods;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar periods a view is counted over, in the chain's time zone: a calendar day, an ISO week (Monday to
 * Sunday, numbered in its week-based year), a month, a quarter, or all time.
 */
public enum PeriodKind {
    DAY, WEEK, MONTH, QUARTER, ALL_TIME;

    /** The kinds that divide time into consecutive periods (all but {@link #ALL_TIME}). */
    public static final java.util.List<PeriodKind> CALENDAR = java.util.List.of(DAY, WEEK, MONTH, QUARTER);

    private static final Pattern WEEK_ID = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER_ID = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH_ID = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY_ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The period of this kind that contains the day. */
    public Period of(LocalDate day) {
        return switch (this) {
            case DAY -> new Period(this, day.toString(), day, day);
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                String id = String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                yield new Period(this, id, monday, monday.plusDays(6));
            }
            case MONTH -> {
                YearMonth month = YearMonth.from(day);
                yield new Period(this, month.toString(), month.atDay(1), month.atEndOfMonth());
            }
            case QUARTER -> {
                int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
                LocalDate first = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
                yield new Period(this, day.getYear() + "-Q" + quarter, first, first.plusMonths(3).minusDays(1));
            }
            case ALL_TIME -> Period.ALL_TIME;
        };
    }

    /** The lower-case name used in URLs: {@code day}, {@code week}, {@code month}, {@code quarter}, {@code all-time}. */
    public String label() {
        return this == ALL_TIME ? "all-time" : name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by {@link #label()}, or {@code null}. */
    public static PeriodKind ofLabel(String label) {
        for (PeriodKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * A period of this kind by its id ({@code 2026-11-27}, {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4}).
     *
     * @throws IllegalArgumentException naming the expected form when the id is not one
     */
    public Period parse(String id) {
        try {
            switch (this) {
                case DAY -> {
                    if (DAY_ID.matcher(id).matches()) {
                        return of(LocalDate.parse(id));
                    }
                }
                case WEEK -> {
                    Matcher m = WEEK_ID.matcher(id);
                    if (m.matches()) {
                        LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)));
                        Period week = of(day);
                        if (week.id().equals(id)) {
                            return week;
                        }
                    }
                }
                case MONTH -> {
                    if (MONTH_ID.matcher(id).matches()) {
                        return of(YearMonth.parse(id).atDay(1));
                    }
                }
                case QUARTER -> {
                    Matcher m = QUARTER_ID.matcher(id);
                    if (m.matches()) {
                        return of(LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
                    }
                }
                case ALL_TIME -> {
                    if (Period.ALL_TIME.id().equals(id)) {
                        return Period.ALL_TIME;
                    }
                }
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("is not a " + label() + " (expected " + example() + ")");
    }

    private String example() {
        return switch (this) {
            case DAY -> "2026-11-27";
            case WEEK -> "2026-W48";
            case MONTH -> "2026-11";
            case QUARTER -> "2026-Q4";
            case ALL_TIME -> "all-time";
        };
    }
}

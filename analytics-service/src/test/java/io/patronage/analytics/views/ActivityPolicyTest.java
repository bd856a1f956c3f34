package io.patronage.analytics.views;

import io.patronage.analytics.periods.PeriodKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityPolicyTest {

    private static final Instant AT = Instant.parse("2026-01-10T10:00:00Z");

    @Test
    void aSecondPurchaseInAPeriodCountsATransactionButNotASecondActiveMember() {
        MemberActivity member = ActivityPolicy.enrolled(MemberActivity.none("c", "m"), day("2026-01-02"), AT, 30).after();
        member = ActivityPolicy.bought(member, day("2026-01-10"), AT, BigDecimal.TEN, 30).after();

        ActivityPolicy.Outcome second = ActivityPolicy.bought(member, day("2026-01-12"), AT, BigDecimal.ONE, 30);

        Tally january = change(second, PeriodKind.MONTH, "2026-01");
        assertEquals(1, january.memberTransactions());
        assertEquals(0, january.activeMembers());
        assertEquals(0, january.activeAtEnd(), "already active at the end of January");
        assertTrue(change(second, PeriodKind.MONTH, "2026-02").countsNothing(),
                "Jan 12 + 30 days ends on Feb 10: February's start and end are unchanged");
    }

    @Test
    void aPurchaseKeepsTheMemberActiveForTheWindowOnly() {
        MemberActivity member = MemberActivity.none("c", "m").bought(day("2026-01-10"), AT, BigDecimal.ONE);

        assertTrue(member.activeOn(day("2026-02-08"), 30));
        assertEquals(false, member.activeOn(day("2026-02-09"), 30));
        assertEquals(false, member.activeOn(day("2026-01-09"), 30));
    }

    @Test
    void aLateEnrollmentCountsTheMonthsTheMemberAlreadyBoughtInForTheCohort() {
        MemberActivity member = MemberActivity.none("c", "m")
                .bought(day("2026-01-20"), AT, BigDecimal.ONE)
                .bought(day("2026-03-02"), AT, BigDecimal.ONE);

        ActivityPolicy.Outcome enrolled = ActivityPolicy.enrolled(member, day("2026-01-05"), AT, 30);

        assertEquals(List.of(new Fact.CohortChange("2026-01", 1, Map.of(0, 1L, 2, 1L))), enrolled.counted().cohorts());
        assertEquals(1, change(enrolled, PeriodKind.MONTH, "2026-01").enrolledMembers());
        assertEquals(0, ActivityPolicy.enrolled(enrolled.after(), day("2026-01-05"), AT, 30).counted().periods().size(),
                "a member enrolls once");
    }

    private static Tally change(ActivityPolicy.Outcome outcome, PeriodKind kind, String period) {
        return outcome.counted().periods().stream()
                .filter(change -> change.kind() == kind && change.period().equals(period))
                .map(Fact.PeriodChange::change).findFirst().orElse(Tally.ZERO);
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}

package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.Transactions;
import io.patronage.points.program.Bonuses;
import io.patronage.points.program.Campaign;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.TierRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.patronage.points.Transactions.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Campaigns, coupon rules, fixed and member bonuses, tier multipliers, validity: one specification each. */
class EarningRulesTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final AccountStanding REGULAR = new AccountStanding(null, 3);

    private static ProgramRules program(List<Campaign> campaigns, Bonuses bonuses, TierRules tiers, Long cap) {
        return new ProgramRules("v1", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                ATHENS, "EUR", BigDecimal.ONE, PointsRounding.DOWN, BigDecimal.ZERO, List.of(), cap, campaigns, bonuses,
                null, 0, null, tiers);
    }

    private static PosTransaction purchase(String at, String store, List<String> coupons) {
        return new PosTransaction("t-1", "chain-1", store, "card-1", TransactionType.PURCHASE, OffsetDateTime.parse(at),
                "EUR", new BigDecimal("20.00"), List.of(line("W-1", "wine", "1", "10.00"), line("B-1", "bread", "2", "5.00")),
                coupons, null);
    }

    private static Map<String, Long> breakdown(EarningOutcome outcome) {
        return outcome.breakdown().stream().collect(java.util.stream.Collectors.toMap(Contribution::rule, Contribution::points));
    }

    @Test
    void aCampaignAppliesOnItsDaysInTheChainsZoneToItsCategoriesAndStores() {
        Campaign easter = new Campaign("easter", LocalDate.parse("2026-04-12"), LocalDate.parse("2026-04-12"),
                new BigDecimal("3"), 5, List.of("store-7"), List.of("wine"), null);
        ProgramRules rules = program(List.of(easter), null, null, null);

        // 23:30 UTC on the 11th is already the 12th in Athens
        EarningOutcome on = EarningPolicy.earn(rules, REGULAR, purchase("2026-04-11T23:30:00Z", "store-7", List.of()));
        EarningOutcome elsewhere = EarningPolicy.earn(rules, REGULAR, purchase("2026-04-11T23:30:00Z", "store-8", List.of()));
        EarningOutcome before = EarningPolicy.earn(rules, REGULAR, purchase("2026-04-11T20:00:00Z", "store-7", List.of()));

        assertEquals(Map.of("base", 20L, "campaign:easter", 25L), breakdown(on));
        assertEquals(45, on.points());
        assertEquals(20, elsewhere.points());
        assertEquals(20, before.points());
    }

    @Test
    void aCouponRuleAppliesOnlyWithItsCode() {
        ProgramRules rules = program(List.of(new Campaign("app", null, null, null, 100, null, null, "APP100")), null,
                null, null);

        assertEquals(120, EarningPolicy.earn(rules, REGULAR, purchase("2026-05-01T10:00:00Z", "s", List.of("APP100"))).points());
        assertEquals(20, EarningPolicy.earn(rules, REGULAR, purchase("2026-05-01T10:00:00Z", "s", List.of())).points());
    }

    @Test
    void skuAndVisitBonusesAreCappedButMemberBonusesAreNot() {
        Bonuses bonuses = new Bonuses(Map.of("B-1", 10L), 5, new Bonuses.BirthdayBonus(50, Bonuses.BirthdayBonus.Scope.MONTH),
                30, 0, 0, null);
        ProgramRules rules = program(null, bonuses, null, 40L);
        AccountStanding birthdayMonth = new AccountStanding(MonthDay.of(5, 20), 0);

        EarningOutcome outcome = EarningPolicy.earn(rules, birthdayMonth, purchase("2026-05-01T10:00:00Z", "s", List.of()));

        assertEquals(Map.of("base", 20L, "sku-bonus:B-1", 20L, "visit", 5L, "cap", -5L, "birthday", 50L,
                "first-purchase", 30L), breakdown(outcome));
        assertEquals(120, outcome.points());
    }

    @Test
    void theBirthdayBonusIsGivenOncePerYear() {
        Bonuses bonuses = new Bonuses(null, 0, new Bonuses.BirthdayBonus(50, Bonuses.BirthdayBonus.Scope.DAY), 0, 0, 0, null);
        ProgramRules rules = program(null, bonuses, null, null);
        AccountStanding given = new AccountStanding(MonthDay.of(5, 1), 2,
                Instant.parse("2026-05-01T08:00:00Z"), null, false);

        assertEquals(70, EarningPolicy.earn(rules, new AccountStanding(MonthDay.of(5, 1), 2),
                purchase("2026-05-01T10:00:00Z", "s", List.of())).points());
        assertEquals(20, EarningPolicy.earn(rules, given, purchase("2026-05-01T10:00:00Z", "s", List.of())).points());
    }

    @Test
    void aReferredMembersFirstPurchaseEarnsBothReferralBonuses() {
        ProgramRules rules = program(null, new Bonuses(null, 0, null, 0, 300, 150, null), null, null);

        EarningOutcome first = EarningPolicy.earn(rules, new AccountStanding(null, 0, null, null, true),
                purchase("2026-05-01T10:00:00Z", "s", List.of()));
        EarningOutcome later = EarningPolicy.earn(rules, new AccountStanding(null, 1, null, null, true),
                purchase("2026-05-01T10:00:00Z", "s", List.of()));

        assertEquals(170, first.points());
        assertEquals(300, first.referrerBonus());
        assertEquals(20, later.points());
        assertEquals(0, later.referrerBonus());
    }

    @Test
    void aTierMultiplierAddsToTheBasePoints() {
        TierRules tiers = new TierRules(TierRules.Basis.SPEND, 365, List.of(
                new TierRules.Level("SILVER", new BigDecimal("500"), new BigDecimal("1.5"))), null, 0);
        ProgramRules rules = program(null, null, tiers, null);

        EarningOutcome outcome = EarningPolicy.earn(rules, new AccountStanding(null, 3, null, "SILVER", false),
                purchase("2026-05-01T10:00:00Z", "s", List.of()));

        assertEquals(Map.of("base", 20L, "tier:SILVER", 10L), breakdown(outcome));
    }

    @Test
    void outsideItsValidityOrInAnotherCurrencyTheProgramEarnsNothing() {
        ProgramRules rules = program(null, null, null, null);

        assertEquals(0, EarningPolicy.earn(rules, REGULAR, purchase("2027-01-01T00:00:00Z", "s", List.of())).points());
        PosTransaction yen = new PosTransaction("t-2", "chain-1", "s", "c", TransactionType.PURCHASE,
                OffsetDateTime.parse("2026-05-01T10:00:00Z"), "JPY", new BigDecimal("2000"), List.of(), List.of(), null);
        assertEquals(0, EarningPolicy.earn(rules, REGULAR, yen).points());
    }
}

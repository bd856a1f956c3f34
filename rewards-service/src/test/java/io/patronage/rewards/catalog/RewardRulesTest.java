package io.patronage.rewards.catalog;

import io.patronage.kit.http.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RewardRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aCompleteDefinitionHasNoProblems() {
        assertEquals(List.of(), RewardRules.problems("winter-mug", definition(
                new CouponTerms(CouponTerms.Kind.AMOUNT_OFF, null, new BigDecimal("2.50"), null)), EUR));
        assertEquals(List.of(), RewardRules.problems("coffee_10", definition(
                new CouponTerms(CouponTerms.Kind.PERCENT_OFF, 10, null, null)), EUR));
        assertEquals(List.of(), RewardRules.problems("coffee", definition(
                new CouponTerms(CouponTerms.Kind.FREE_PRODUCT, null, null, "COF-250")), EUR));
    }

    @Test
    void aFixedAmountOffHasNoMoreDecimalsThanTheChainsCurrency() {
        CouponTerms fiftyCents = new CouponTerms(CouponTerms.Kind.AMOUNT_OFF, null, new BigDecimal("0.50"), null);
        assertEquals(List.of(), RewardRules.problems("mug", definition(fiftyCents), EUR));
        assertEquals(List.of("coupon.amountOff"), fields(RewardRules.problems("mug", definition(fiftyCents),
                Currency.getInstance("JPY"))), "the yen has no minor unit");
        assertEquals(List.of(), RewardRules.problems("mug", definition(new CouponTerms(CouponTerms.Kind.AMOUNT_OFF,
                null, new BigDecimal("1.250"), null)), Currency.getInstance("KWD")), "the dinar has three");
        assertEquals(List.of(), RewardRules.problems("mug", definition(new CouponTerms(CouponTerms.Kind.AMOUNT_OFF,
                null, new BigDecimal("500.00"), null)), Currency.getInstance("JPY")), "trailing zeros are no decimals");
    }

    @Test
    void everyProblemNamesItsField() {
        RewardDefinition broken = new RewardDefinition(Map.of("xx-!!", "Mug", "en", " "), null, 0L,
                new CouponTerms(CouponTerms.Kind.PERCENT_OFF, 120, null, "SKU"), 0, null, -1L, 0L,
                LocalDateTime.parse("2026-12-24T00:00"), LocalDateTime.parse("2026-12-01T00:00"), List.of(" "),
                new MemberLimit(0, null));
        assertEquals(List.of("rewardId", "name.en", "name.xx-!!", "pointsCost", "couponValidityDays",
                        "coupon.percentOff", "coupon.sku", "stock", "firstX", "availableUntil", "tiers[0]",
                        "perMemberLimit.count", "perMemberLimit.period"),
                fields(RewardRules.problems("no spaces", broken, EUR)).stream().sorted(this::inOrder).toList());
        assertEquals(List.of("name", "pointsCost", "couponValidityDays"), fields(RewardRules.problems("x",
                new RewardDefinition(null, null, null, null, null, null, null, null, null, null, null, null), EUR)));
        assertEquals(List.of("coupon.kind"), fields(RewardRules.problems("x", definition(
                new CouponTerms(null, null, null, null)), EUR)));
    }

    @Test
    void namesAreOneLineAndTextsHoldNoOtherControlCharacters() {
        for (String name : List.of("Free\u0000coffee", "Free\ncoffee", "Free\tcoffee", "\u001b[31mFree coffee")) {
            assertEquals(List.of("name.en"), fields(RewardRules.problems("coffee", new RewardDefinition(
                    Map.of("en", name), null, 100L, null, 30, null, null, null, null, null, null, null), EUR)), name);
        }
        assertEquals(List.of(), RewardRules.problems("coffee", new RewardDefinition(Map.of("en", "Free coffee"),
                Map.of("en", "One hot drink.\r\nAny size,\tany day."), 100L, null, 30, null, null, null, null, null,
                null, null), EUR));
        assertEquals(List.of("description.en"), fields(RewardRules.problems("coffee", new RewardDefinition(
                Map.of("en", "Free coffee"), Map.of("en", "One\u0000hot drink."), 100L, null, 30, null, null, null,
                null, null, null, null), EUR)));
    }

    @Test
    void aCouponIsValidForDaysOrForAnIsoDurationFromAMinuteToTenYears() {
        assertEquals(List.of(), RewardRules.problems("flash", validFor(null, "PT2H"), EUR));
        assertEquals(List.of(), RewardRules.problems("flash", validFor(null, "PT1M"), EUR));
        assertEquals(List.of(), RewardRules.problems("flash", validFor(null, "P3650D"), EUR));
        for (String wrong : List.of("PT59S", "P3651D", "PT0S", "-PT2H")) {
            assertEquals(List.of("couponValidity"), fields(RewardRules.problems("flash", validFor(null, wrong), EUR)),
                    wrong);
        }
        List<FieldError> notIso = RewardRules.problems("flash", validFor(null, "2 hours"), EUR);
        assertEquals("must be an ISO-8601 duration such as PT2H or P30D", notIso.get(0).message());
        assertEquals(List.of("couponValidity"), fields(RewardRules.problems("flash", validFor(7, "PT2H"), EUR)),
                "not both");
        assertEquals(List.of("couponValidityDays"), fields(RewardRules.problems("flash", validFor(null, null), EUR)));
    }

    private static RewardDefinition validFor(Integer days, String duration) {
        return new RewardDefinition(Map.of("en", "Flash coffee"), null, 100L, null, days, duration, null, null, null,
                null, null, null);
    }

    @Test
    void itsListsAreCapped() {
        List<String> tiers = java.util.stream.IntStream.rangeClosed(1, RewardRules.MAX_TIERS + 1)
                .mapToObj(i -> "TIER-" + i).toList();
        Map<String, String> names = new java.util.TreeMap<>();
        java.util.Arrays.stream(java.util.Locale.getISOLanguages())
                .limit(RewardRules.MAX_LANGUAGES + 1).forEach(tag -> names.put(tag, "Mug"));
        RewardDefinition many = new RewardDefinition(names, names, 250L, null, 30, null, null, null, null, null, tiers,
                null);
        List<FieldError> problems = RewardRules.problems("mug", many, EUR);
        assertEquals(List.of("name", "description", "tiers"), fields(problems));
        assertEquals("must name at most 20 tiers, names 21", problems.get(2).message());
        assertEquals(List.of(), RewardRules.problems("mug", new RewardDefinition(Map.of("en", "Mug"), null, 250L, null,
                30, null, null, null, null, null, tiers.subList(0, RewardRules.MAX_TIERS), null), EUR), "at the cap is fine");
    }

    private int inOrder(String a, String b) {
        List<String> order = List.of("rewardId", "name.en", "name.xx-!!", "pointsCost", "couponValidityDays",
                "coupon.percentOff", "coupon.sku", "stock", "firstX", "availableUntil", "tiers[0]",
                "perMemberLimit.count", "perMemberLimit.period");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private static List<String> fields(List<FieldError> problems) {
        return problems.stream().map(FieldError::field).toList();
    }

    private static RewardDefinition definition(CouponTerms coupon) {
        return new RewardDefinition(Map.of("en", "Winter mug", "el-GR", "Χειμερινή κούπα"), Map.of("en", "A mug."),
                250L, coupon, 30, null, 100L, 50L, LocalDateTime.parse("2026-12-01T00:00"),
                LocalDateTime.parse("2027-01-01T00:00"), List.of("GOLD"), new MemberLimit(1, MemberLimit.Period.MONTH));
    }
}

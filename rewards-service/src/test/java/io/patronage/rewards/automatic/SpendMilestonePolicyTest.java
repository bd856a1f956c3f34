package io.patronage.rewards.automatic;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpendMilestonePolicyTest {

    @Test
    void amountsAreCountedInTheCurrencysMinorUnits() {
        assertEquals(50_000, SpendMilestonePolicy.minorUnits(new BigDecimal("500.00"), Currency.getInstance("EUR")));
        assertEquals(1_234, SpendMilestonePolicy.minorUnits(new BigDecimal("12.34"), Currency.getInstance("EUR")));
        assertEquals(500, SpendMilestonePolicy.minorUnits(new BigDecimal("500"), Currency.getInstance("JPY")));
        assertEquals(12_345, SpendMilestonePolicy.minorUnits(new BigDecimal("12.345"), Currency.getInstance("KWD")));
    }

    @Test
    void eachMilestoneCrossedIsGrantedOnceAndAReturnTakesNoneBack() {
        assertEquals(List.of(), SpendMilestonePolicy.milestonesToGrant(49_999, 0, 50_000));
        assertEquals(List.of(1L), SpendMilestonePolicy.milestonesToGrant(50_000, 0, 50_000));
        assertEquals(List.of(), SpendMilestonePolicy.milestonesToGrant(60_000, 1, 50_000), "granted already");
        assertEquals(List.of(2L, 3L), SpendMilestonePolicy.milestonesToGrant(150_000, 1, 50_000),
                "one purchase crossing two milestones earns both");
        // milestone 1 granted, then a return took the spend below it: crossing it again earns nothing
        assertEquals(List.of(), SpendMilestonePolicy.milestonesToGrant(40_000, 1, 50_000));
        assertEquals(List.of(), SpendMilestonePolicy.milestonesToGrant(55_000, 1, 50_000));
        assertEquals(List.of(), SpendMilestonePolicy.milestonesToGrant(-5_000, 0, 50_000));
    }

    @Test
    void theNextThresholdIsTheMilestoneAfterThoseGrantedWhateverReturnsDid() {
        assertEquals(50_000, SpendMilestonePolicy.nextThreshold(0, 50_000));
        assertEquals(100_000, SpendMilestonePolicy.nextThreshold(1, 50_000));
        assertEquals(40_000, SpendMilestonePolicy.leftTo(100_000, 60_000));
        // milestone 1 granted, then a return took the spend below it: the next one is still milestone 2
        assertEquals(70_000, SpendMilestonePolicy.leftTo(SpendMilestonePolicy.nextThreshold(1, 50_000), 30_000));
        // reached but not granted yet (the milestone was withdrawn meanwhile): nothing left, the next purchase grants
        assertEquals(0, SpendMilestonePolicy.leftTo(100_000, 105_000));
    }

    @Test
    void minorUnitsReadAsAnAmountOfTheCurrency() {
        assertEquals(new BigDecimal("123.45"), SpendMilestonePolicy.amount(12_345, Currency.getInstance("EUR")));
        assertEquals(new BigDecimal("0.00"), SpendMilestonePolicy.amount(0, Currency.getInstance("EUR")));
        assertEquals(new BigDecimal("500"), SpendMilestonePolicy.amount(500, Currency.getInstance("JPY")));
        assertEquals(new BigDecimal("12.345"), SpendMilestonePolicy.amount(12_345, Currency.getInstance("KWD")));
    }
}

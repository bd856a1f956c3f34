package io.patronage.points.earning;

import io.patronage.points.Transactions;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.program.Bonuses;
import io.patronage.points.program.PointsRounding;
import io.patronage.points.program.ProgramRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.patronage.points.Transactions.line;
import static io.patronage.points.Transactions.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole points are exact: a purchase never earns a truncated or wrapped number, it is refused above the ceiling. */
class EarningCeilingTest {

    private static final AccountStanding MEMBER = new AccountStanding(null, 0);

    private static ProgramRules withBonuses(Bonuses bonuses) {
        return new ProgramRules("bonus-v1", null, null, null, null, BigDecimal.ONE, PointsRounding.DOWN,
                BigDecimal.ZERO, List.of(), null, null, bonuses, null, 0, null, null);
    }

    @Test
    void aTotalThatWouldEarnMoreThanTheCeilingIsRefused() {
        PointsOverflowException refused = assertThrows(PointsOverflowException.class, () ->
                EarningPolicy.earn(ProgramRules.DEFAULT, MEMBER, purchase("t-1", "EUR", "1000000000000000")));

        assertEquals("points overflow: transaction chain-1:t-1 would credit 1000000000000000 points, beyond the"
                + " ceiling of 1000000000000 per transaction", refused.getMessage());
    }

    @Test
    void aTotalBeyondALongIsRefusedRatherThanFailingOnTheConversion() {
        assertThrows(PointsOverflowException.class, () ->
                EarningPolicy.earn(ProgramRules.DEFAULT, MEMBER, purchase("t-1", "EUR", "1e30")));
    }

    @Test
    void theCeilingItselfIsEarned() {
        assertEquals(LedgerLimits.TRANSACTION, EarningPolicy.earn(ProgramRules.DEFAULT, MEMBER,
                purchase("t-1", "EUR", "1000000000000.99")).points());
    }

    @Test
    void aSkuBonusOnAnAbsurdQuantityIsRefusedNotTruncated() {
        ProgramRules rules = withBonuses(new Bonuses(Map.of("OIL", 50L), 0, null, 0, 0, 0, null));

        // 1e20 units: longValue() used to truncate them modulo 2^64, and 50 × that wrapped around
        assertThrows(PointsOverflowException.class, () -> EarningPolicy.earn(rules, MEMBER,
                purchase("t-1", "EUR", "1.00", line("OIL", "food", "100000000000000000000", "0.00000000000000000001"))));
    }

    @Test
    void bonusesAddUpToTheCeilingButNotBeyond() {
        long half = LedgerLimits.TRANSACTION / 2;
        ProgramRules rules = withBonuses(new Bonuses(null, half, null, half + 1, 0, 0, null));

        PointsOverflowException refused = assertThrows(PointsOverflowException.class,
                () -> EarningPolicy.earn(rules, MEMBER, purchase("t-1", "EUR", "0.00")));
        assertTrue(refused.getMessage().contains("1000000000001"), refused.getMessage());
    }

    @Test
    void aProgramBonusBeyondTheCeilingIsInvalid() {
        assertThrows(IllegalArgumentException.class,
                () -> new Bonuses(null, LedgerLimits.TRANSACTION + 1, null, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Bonuses(null, 0, null, 0, Long.MAX_VALUE, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Bonuses(null, 0, new Bonuses.BirthdayBonus(Long.MAX_VALUE, null), 0, 0, 0, null));
    }
}

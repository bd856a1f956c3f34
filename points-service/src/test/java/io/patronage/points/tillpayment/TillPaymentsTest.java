package io.patronage.points.tillpayment;

import io.patronage.contracts.retail.PointsPayment;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.ledger.PointsUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The arithmetic of points paying at the till: what earns, and what returns give back. */
class TillPaymentsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-04-03T10:00:00+02:00");

    private static PosTransaction returnOf(String id, String total) {
        return new PosTransaction(id, "c-1", "s-1", "card-1", TransactionType.RETURN, AT, "EUR", new BigDecimal(total),
                List.of(), List.of(), "t-1");
    }

    @Test
    void thePurchaseEarnsOnWhatWasPaidOtherwise() {
        PosTransaction sale = new PosTransaction("t-1", "c-1", "s-1", "card-1", TransactionType.PURCHASE, AT, "EUR",
                new BigDecimal("40.00"), List.of(), List.of(), null, new PointsPayment(new BigDecimal("200"), new BigDecimal("2.00")));

        assertEquals(new BigDecimal("38.00"), TillPayments.earningPart(sale).total());
        PosTransaction plain = returnOf("t-2", "40.00");
        assertEquals(plain, TillPayments.earningPart(plain));
    }

    @Test
    void aReturnsEarningPartIsItsTotalScaledToThePartPaidOtherwise() {
        PointsPaid paid = PointsPaid.spent(new BigDecimal("200"), new BigDecimal("40.00"), new BigDecimal("2.00"));

        assertEquals(new BigDecimal("9.50"), TillPayments.earningPartOfReturn(returnOf("r-1", "10.00"), paid).total());
        assertEquals(new BigDecimal("10.00"), TillPayments.earningPartOfReturn(returnOf("r-1", "10.00"), null).total());
    }

    @Test
    void threeReturnsOfAThirdEachGiveBackEveryPointAndNeverMore() {
        PointsPaid paid = PointsPaid.spent(new BigDecimal("100"), new BigDecimal("30.00"), new BigDecimal("1.00"));
        long givenBack = 0;
        for (String id : List.of("r-1", "r-2", "r-3")) {
            PosTransaction refund = returnOf(id, "10.00");
            AdjustPoints credit = TillPayments.giveBack("m-1", paid, refund, PointsUnit.WHOLE);
            givenBack += credit.points();
            paid = paid.gaveBack(TillPayments.shareAfter(paid, refund), credit.points());
        }

        assertEquals(100, givenBack, "33 + 33 + 34");
        assertNull(TillPayments.giveBack("m-1", paid, returnOf("r-4", "10.00"), PointsUnit.WHOLE), "nothing left to give back");
    }

    @Test
    void aReturnOfMoreThanThePurchaseGivesBackWhatWasSpent() {
        PointsPaid paid = PointsPaid.spent(new BigDecimal("7"), new BigDecimal("10.00"), new BigDecimal("0.07"));

        AdjustPoints credit = TillPayments.giveBack("m-1", paid, returnOf("r-1", "25.00"), PointsUnit.WHOLE);

        assertEquals(7, credit.points());
        assertEquals("till-refund:c-1:r-1:t-1", credit.adjustmentId());
        assertEquals("till:s-1", credit.actor());
    }

    @Test
    void inAChainKeepingHundredthsAReturnGivesBackHundredths() {
        PointsPaid paid = PointsPaid.spent(new BigDecimal("1.25"), new BigDecimal("10.00"), new BigDecimal("1.25"));

        AdjustPoints credit = TillPayments.giveBack("m-1", paid, returnOf("r-1", "3.00"), new PointsUnit(2));

        assertEquals(37, credit.points(), "3/10 of 125 hundredths, floored: 0.37 points");
    }
}

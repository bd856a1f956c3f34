package io.patronage.kit.kafka;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {

    private static PosTransaction sale(String total, String unitPrice) {
        return new PosTransaction("T-1", "aegean-market-gr", "ATH-01", "9000000000016", TransactionType.PURCHASE,
                OffsetDateTime.parse("2026-11-27T10:15:00+02:00"), "EUR", new BigDecimal(total),
                List.of(new TransactionLine("COF-250", "coffee", BigDecimal.ONE, new BigDecimal(unitPrice))),
                List.of(), null);
    }

    @Test
    void theSameSaleWrittenWithOtherTrailingZerosHasTheSameFingerprint() {
        assertEquals(Fingerprint.of(sale("12.50", "12.50")), Fingerprint.of(sale("12.5", "12.500")));
    }

    @Test
    void aChangedAmountChangesIt() {
        assertNotEquals(Fingerprint.of(sale("12.50", "12.50")), Fingerprint.of(sale("12.51", "12.50")));
        assertNotEquals(Fingerprint.of(sale("12.50", "12.50")), Fingerprint.of(sale("12.50", "12.49")));
    }

    @Test
    void isVersionedAndShort() {
        String fingerprint = Fingerprint.of(sale("1", "1"));
        assertTrue(fingerprint.matches("v1:[0-9a-f]{32}"), fingerprint);
    }
}

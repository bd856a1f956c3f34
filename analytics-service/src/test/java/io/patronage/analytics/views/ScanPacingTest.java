package io.patronage.analytics.views;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanPacingTest {

    @Test
    void aLargeChainWaitsTenTimesItsLastScanAndOtherChainsDoNot() {
        ScanPacing pacing = new ScanPacing();
        assertTrue(pacing.due("big", 0), "never scanned: due at once");

        pacing.scanned("big", 1_000, 400, 1_000_000);

        assertFalse(pacing.due("big", 4_999));
        assertTrue(pacing.due("big", 5_000), "400 ms of scan, then 4 s of rest");
        assertTrue(pacing.due("small", 1_001));
    }

    @Test
    void aSmallChainIsNotPacedHoweverLongItsScanTook() {
        ScanPacing pacing = new ScanPacing();

        pacing.scanned("small", 1_000, 400, ScanPacing.PACED_FROM - 1);

        assertTrue(pacing.due("small", 1_001), "a pause of the machine does not hold back a small chain's views");
    }
}

package io.patronage.analytics.views;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanPacingTest {

    @Test
    void aChainWaitsTenTimesItsLastScanAndOtherChainsDoNot() {
        ScanPacing pacing = new ScanPacing();
        assertTrue(pacing.due("big", 0), "never scanned: due at once");

        pacing.scanned("big", 1_000, 400);

        assertFalse(pacing.due("big", 4_999));
        assertTrue(pacing.due("big", 5_000), "400 ms of scan, then 4 s of rest");
        assertTrue(pacing.due("small", 1_001));
        pacing.scanned("small", 1_001, 0);
        assertTrue(pacing.due("small", 1_001), "a scan of under a millisecond waits for nothing but the interval");
    }
}

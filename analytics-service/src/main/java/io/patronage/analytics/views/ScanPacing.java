package io.patronage.analytics.views;

import java.util.HashMap;
import java.util.Map;

/**
 * Paces a per-chain scan whose cost grows with the chain: after a scan of at least {@value #PACED_FROM} rows that
 * took {@code t}, the chain's next one waits {@value #SHARE} × {@code t}, so scans take at most about a tenth of the
 * stream thread however large a chain grows — its publications come less often instead. A smaller scan takes a few
 * milliseconds and is not paced (nor is a chain's publication then delayed by a pause of the machine). In memory: a
 * restart scans at once.
 */
final class ScanPacing {

    static final long SHARE = 10;
    static final int PACED_FROM = 10_000;

    /** Per chain, the wall-clock time (ms) before which its next scan waits. */
    private final Map<String, Long> notBefore = new HashMap<>();

    boolean due(String chainId, long nowMs) {
        return nowMs >= notBefore.getOrDefault(chainId, Long.MIN_VALUE);
    }

    /** @param rows what the scan read */
    void scanned(String chainId, long nowMs, long tookMs, int rows) {
        if (rows < PACED_FROM) {
            notBefore.remove(chainId);
        } else {
            notBefore.put(chainId, nowMs + SHARE * tookMs);
        }
    }
}

package io.patronage.analytics.views;

import java.util.HashMap;
import java.util.Map;

/**
 * Paces a per-chain scan whose cost grows with the chain: after a scan that took {@code t}, the chain's next one
 * waits {@value #SHARE} × {@code t}, so scans take at most about a tenth of the stream thread however large a chain
 * grows — its publications come less often instead. In memory: a restart scans at once.
 */
final class ScanPacing {

    static final long SHARE = 10;

    /** Per chain, the wall-clock time (ms) before which its next scan waits. */
    private final Map<String, Long> notBefore = new HashMap<>();

    boolean due(String chainId, long nowMs) {
        return nowMs >= notBefore.getOrDefault(chainId, Long.MIN_VALUE);
    }

    void scanned(String chainId, long nowMs, long tookMs) {
        notBefore.put(chainId, nowMs + SHARE * tookMs);
    }
}

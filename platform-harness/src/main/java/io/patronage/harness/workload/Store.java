package io.patronage.harness.workload;

import java.time.ZoneId;

/**
 * A store with its tills, in its own time zone.
 *
 * @param traffic relative share of the chain's transactions this store sees
 */
public record Store(String storeId, Chain chain, ZoneId zone, int tills, double traffic) {
}

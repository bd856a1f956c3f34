package io.patronage.analytics.views;

import io.patronage.contracts.Topic;

/**
 * Where the topology reports a member or points event of a chain that is not on {@code loyalty.chains.v1}: it is
 * counted here and skipped (no view of a made-up chain), not dead-lettered — the till records of an unknown chain are,
 * by the till plausibility checks.
 */
@FunctionalInterface
public interface UnknownChains {

    void skipped(Topic topic);
}

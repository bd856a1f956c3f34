package io.patronage.points.program;

import io.patronage.points.ledger.PointsUnit;

import java.time.Instant;

/**
 * Which program rules apply to a chain's transaction at the moment it happened at the till. Rules are
 * looked up as of {@code occurredAt}, so a record that arrives late from an offline till earns what it
 * would have earned on time.
 */
@FunctionalInterface
public interface ProgramCatalog {

    ProgramRules rulesFor(String chainId, Instant occurredAt);

    /**
     * The unit a chain's ledger counts in: the same under every version of its program (and under the default program
     * before its first version), so the latest one says it.
     */
    default PointsUnit unit(String chainId) {
        return rulesFor(chainId, Instant.MAX).unit();
    }
}

package io.patronage.points.program;

import java.time.Instant;

/**
 * Which program rules apply to a chain's transaction at the moment it happened at the till. Rules are
 * looked up as of {@code occurredAt}, so a record that arrives late from an offline till earns what it
 * would have earned on time.
 */
@FunctionalInterface
public interface ProgramCatalog {

    ProgramRules rulesFor(String chainId, Instant occurredAt);
}

package io.patronage.points.earning;

import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * One program, from configuration, for every chain and every instant. Per-chain, versioned programs with
 * effective times replace this catalog without touching the aggregate or the policy.
 */
@Singleton
public class ConfiguredProgram implements ProgramCatalog {

    private final ProgramRules rules;

    ConfiguredProgram(ProgramProperties properties) {
        this.rules = properties.toRules();
    }

    @Override
    public ProgramRules rulesFor(String chainId, Instant occurredAt) {
        return rules;
    }
}

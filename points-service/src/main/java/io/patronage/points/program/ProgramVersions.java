package io.patronage.points.program;

import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.points.errors.PointsException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * Adds a chain's program versions: in the chain's currency, taking effect at their {@code effectiveFrom} (now when
 * none is given), never in the past; adding the same version again changes nothing. The first version fixes the
 * chain's points unit ({@code pointsDecimals}), unless the chain's members already moved points under the default
 * program's.
 */
@Singleton
public class ProgramVersions {

    private final Programs programs;
    private final ChainDirectory chains;
    private final PointsHistory history;
    private final Clock clock;

    ProgramVersions(Programs programs, ChainDirectory chains, PointsHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
        this.programs = programs;
        this.chains = chains;
    }

    /** The version as stored; {@code created} is false when the very same version was there already. */
    public record Added(ProgramRules rules, boolean created) {
    }

    public Added add(String chainId, String json) {
        ChainConfigured chain = chains.require(chainId);
        ProgramRules draft = ProgramJson.parse(json);
        if (draft.currency() != null && !draft.currency().equals(chain.currency())) {
            throw new PointsException.WrongCurrency("the program's currency " + draft.currency()
                    + " is not the chain's currency " + chain.currency());
        }
        Instant now = clock.instant();
        ProgramRules rules = draft.effectiveFrom().equals(Instant.EPOCH) ? draft.withEffectiveFrom(now) : draft;
        if (rules.effectiveFrom().isBefore(now)) {
            throw new PointsException.RetroactiveProgram("effectiveFrom " + rules.effectiveFrom()
                    + " is in the past: a program change is never retroactive");
        }
        ProgramRules existing = programs.find(chainId, rules.version()).orElse(null);
        if (existing != null) {
            if (existing.equals(rules)) {
                return new Added(existing, false);
            }
            throw new PointsException.VersionExists(
                    "chain " + chainId + " already has a different version " + rules.version());
        }
        if (programs.versions(chainId).isEmpty() && !rules.unit().equals(programs.unit(chainId))
                && history.anyMoved(chainId)) {
            throw new PointsException.PointsUnitFixed("pointsDecimals " + rules.pointsDecimals() + ": the members of "
                    + chainId + " already hold points counted with " + programs.unit(chainId).decimals()
                    + " decimals under the default program, and a chain's points never change unit");
        }
        programs.save(chainId, rules);
        return new Added(rules, true);
    }
}

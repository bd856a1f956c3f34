package io.patronage.points.earning;

import io.patronage.points.ledger.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Gives the bonus the program in force at {@code occurredAt} sets for {@code rule} ({@code referrer}, or an
 * engagement type such as {@code SURVEY_COMPLETED}); {@code awardId} counts once. {@code chainId} is the chain the
 * award comes from, which must be the member's: one chain's app never credits points in another chain's program.
 */
public record AwardPoints(@TargetAggregateIdentifier String memberId, String chainId, String awardId, String rule,
                          Instant occurredAt) {

    public AwardPoints {
        Require.text(memberId, "memberId");
        Require.text(chainId, "chainId");
        Require.text(awardId, "awardId");
        Require.text(rule, "rule");
    }
}

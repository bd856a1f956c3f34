package io.patronage.points.earning;

import io.patronage.points.program.ProgramRules;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a purchase earns under a program version.
 *
 * @param eligibleAmount the part of the total that can earn (excluded lines removed), in the transaction's
 *                       currency at the total's precision; compared with the minimum spend
 * @param breakdown      the non-zero contributions, adding up to {@code points}
 * @param referrerBonus  points owed to the member's referrer because this purchase earned the referral bonus
 */
public record EarningOutcome(String ruleVersion, BigDecimal eligibleAmount, long points, List<Contribution> breakdown,
                             long referrerBonus) {

    public EarningOutcome {
        breakdown = List.copyOf(breakdown);
    }

    public EarningOutcome(String ruleVersion, BigDecimal eligibleAmount, long points, List<Contribution> breakdown) {
        this(ruleVersion, eligibleAmount, points, breakdown, 0);
    }

    static EarningOutcome nothing(ProgramRules rules, BigDecimal eligibleAmount) {
        return new EarningOutcome(rules.version(), eligibleAmount, 0, List.of());
    }
}

package io.patronage.points.earning;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a purchase earns under a program version.
 *
 * @param eligibleAmount the part of the total that can earn (excluded lines removed), in the transaction's
 *                       currency at the total's precision; compared with the minimum spend
 * @param breakdown      the non-zero contributions, adding up to {@code points}
 */
public record EarningOutcome(String ruleVersion, BigDecimal eligibleAmount, long points, List<Contribution> breakdown) {

    public EarningOutcome {
        breakdown = List.copyOf(breakdown);
    }
}

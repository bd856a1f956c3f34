package io.patronage.points.earning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One version of a loyalty program's earning rules: what {@link EarningPolicy} applies to a purchase.
 * <p>
 * Evaluation order, which later rules slot into without changing the earlier ones: the transaction total
 * is spread over its lines pro rata (so basket discounts are honoured), {@link #multipliers} exclude
 * lines (factor 0) or add extra points on them (category and SKU now; campaign and tier multipliers are
 * more line multipliers with a condition), the minimum spend is checked on what remains eligible, the
 * exact points of all rules are summed and rounded once with {@link #rounding}, then the per-transaction
 * {@link #maxPointsPerTransaction cap} applies. Fixed bonuses (per SKU, per visit, birthday, first
 * purchase) will add whole points after rounding.
 *
 * @param version                  recorded on every earning, so a member can be told which rules applied
 * @param pointsPerUnit            points per whole unit of the transaction's currency (0.01 = 1 point per 100)
 * @param rounding                 applied once to the transaction's exact points
 * @param minimumSpend             eligible amount below which nothing is earned, in the transaction's currency
 * @param multipliers              line multipliers; 0 excludes
 * @param maxPointsPerTransaction  cap on the points of one transaction, {@code null} for none
 */
public record ProgramRules(String version,
                           BigDecimal pointsPerUnit,
                           PointsRounding rounding,
                           BigDecimal minimumSpend,
                           List<LineMultiplier> multipliers,
                           Long maxPointsPerTransaction) {

    public static final String DEFAULT_VERSION = "default-v1";

    /** The program every chain gets until it has its own: 1 point per whole currency unit, rounded down. */
    public static final ProgramRules DEFAULT = new ProgramRules(DEFAULT_VERSION, BigDecimal.ONE,
            PointsRounding.DOWN, BigDecimal.ZERO, List.of(), null);

    public ProgramRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a program version is required");
        }
        if (pointsPerUnit == null || pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("points per unit must be 0 or positive: " + pointsPerUnit);
        }
        Objects.requireNonNull(rounding, "rounding");
        minimumSpend = minimumSpend == null ? BigDecimal.ZERO : minimumSpend;
        if (minimumSpend.signum() < 0) {
            throw new IllegalArgumentException("minimum spend must not be negative: " + minimumSpend);
        }
        multipliers = multipliers == null ? List.of() : List.copyOf(multipliers);
        if (maxPointsPerTransaction != null && maxPointsPerTransaction < 0) {
            throw new IllegalArgumentException("the cap must not be negative: " + maxPointsPerTransaction);
        }
    }
}

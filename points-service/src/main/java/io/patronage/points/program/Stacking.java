package io.patronage.points.program;

/**
 * How the rate multipliers that match one receipt line (line, campaign and tier multipliers) combine:
 * <ul>
 *   <li>{@code ADDITIVE} (the default): each adds {@code (factor − 1) ×} the base points, so ×2 and ×3 earn 4×;</li>
 *   <li>{@code MULTIPLICATIVE}: the factors multiply, so ×2 and ×3 earn 6×; each rule is credited what it adds
 *       on top of the rules before it (line multipliers in program order, then campaigns, then the tier);</li>
 *   <li>{@code PRIORITY}: only the matching multiplier with the highest {@code priority} applies (ties: the
 *       earlier in that order); a factor of 1 multiplies nothing and never wins.</li>
 * </ul>
 * Exclusions (factor 0) are not multipliers: they remove lines whatever the stacking.
 */
public enum Stacking {
    ADDITIVE, MULTIPLICATIVE, PRIORITY
}

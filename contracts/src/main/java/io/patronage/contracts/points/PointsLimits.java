package io.patronage.contracts.points;

/**
 * The hard ceilings of the points ledger. points-service refuses any command whose outcome would cross them, so no
 * published points event does: one credit is at most {@link #TRANSACTION} points and a balance stays within
 * ±{@link #BALANCE}. A consumer may therefore add up millions of events in a {@code long} (its 9.2 × 10^18 holds
 * 9.2 million transactions at the ceiling) and still use exact arithmetic to refuse what never should happen.
 * The till's plausibility limits (maximum total per chain) keep real purchases many orders of magnitude below.
 * <p>
 * The ceilings count the chain's smallest unit of points: a point, or a hundredth of one for a chain whose program
 * keeps two decimals ({@code pointsDecimals}), where a balance then holds at most 10^13 points. Points on the wire
 * are decimals ({@code BigDecimal}), never more than {@link #MAX_DECIMALS} of them.
 */
public final class PointsLimits {

    /** The most decimals a chain's points keep. */
    public static final int MAX_DECIMALS = 2;

    /** Most points one purchase, award or adjustment can credit: 10^12. */
    public static final long TRANSACTION = 1_000_000_000_000L;

    /** A balance (and any one debit) stays within ±10^15 points. */
    public static final long BALANCE = 1_000_000_000_000_000L;

    private PointsLimits() {
    }
}

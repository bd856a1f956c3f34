package io.patronage.points.program;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * VIP tiers: a member qualifies for the highest level whose threshold the {@code basis} reaches (over the last
 * {@code windowDays}, or at the instant for the balance bases). Upgrades happen at once; a downgrade happens at
 * re-evaluation per {@code downgrade}, and with {@code ON_DROP} also at once when an event lowers the basis.
 *
 * @param windowDays the window of a basis over activity (at least 1); the balance bases have none (ignored)
 * @param basis      what counts: {@code POINTS} earned, {@code SPEND} (eligible amount) or {@code VISITS} over the
 *                   window; {@code BALANCE} (the current balance) or {@code AVAILABLE} (the points available now),
 *                   which have no window
 * @param levels     ascending thresholds; the first level's threshold is usually 0
 * @param graceDays  with {@code AFTER_GRACE}: days the member keeps the tier after no longer qualifying
 * @param priority   of the tier multipliers, with {@link Stacking#PRIORITY}; 0 when not given
 */
public record TierRules(Basis basis, int windowDays, List<Level> levels, Downgrade downgrade, int graceDays,
                        int priority) {

    public static final TierRules NONE = new TierRules(null, 365, List.of(), null, 0);

    public enum Basis {
        POINTS, SPEND, VISITS, BALANCE, AVAILABLE;

        /** Whether it is counted over the window of activity (not read from the ledger at an instant). */
        public boolean overWindow() {
            return this != BALANCE && this != AVAILABLE;
        }
    }

    /**
     * {@code NEVER}; {@code IMMEDIATE} and {@code AFTER_GRACE} at the review; {@code ON_DROP} at the review and at once
     * on an event that lowers the basis (a return, redemption, expiry or debit adjustment).
     */
    public enum Downgrade { NEVER, IMMEDIATE, AFTER_GRACE, ON_DROP }

    /** A tier; {@code multiplier} multiplies the base points of its members' purchases (1 for none). */
    public record Level(String name, BigDecimal threshold, BigDecimal multiplier) {
        public Level {
            if (name == null || name.isBlank() || threshold == null || threshold.signum() < 0) {
                throw new IllegalArgumentException("a tier needs a name and a threshold of 0 or more");
            }
            multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
            if (multiplier.signum() < 0) {
                throw new IllegalArgumentException("tier " + name + ": multiplier must not be negative");
            }
            ProgramNumbers.bounded("tier " + name + ": threshold", threshold, ProgramNumbers.MAX_AMOUNT);
            ProgramNumbers.bounded("tier " + name + ": multiplier", multiplier, ProgramNumbers.MAX_FACTOR);
        }
    }

    public TierRules {
        basis = basis == null ? Basis.POINTS : basis;
        if (windowDays < 1 && basis.overWindow()) {
            throw new IllegalArgumentException("tiers.windowDays must be at least 1");
        }
        levels = levels == null ? List.of() : levels.stream().sorted(Comparator.comparing(Level::threshold)).toList();
        if (levels.stream().map(Level::name).distinct().count() != levels.size()) {
            throw new IllegalArgumentException("tier names must be unique");
        }
        downgrade = downgrade == null ? Downgrade.IMMEDIATE : downgrade;
        if (graceDays < 0) {
            throw new IllegalArgumentException("tiers.graceDays must not be negative");
        }
        if (downgrade == Downgrade.AFTER_GRACE && !basis.overWindow()) {
            throw new IllegalArgumentException("tiers.downgrade: AFTER_GRACE needs a basis counted over the window "
                    + "(POINTS, SPEND or VISITS), not " + basis);
        }
    }

    public TierRules(Basis basis, int windowDays, List<Level> levels, Downgrade downgrade, int graceDays) {
        this(basis, windowDays, levels, downgrade, graceDays, 0);
    }

    public BigDecimal multiplierOf(String tier) {
        return levels.stream().filter(l -> l.name().equals(tier)).map(Level::multiplier).findFirst()
                .orElse(BigDecimal.ONE);
    }

    /** The highest level {@code qualifying} reaches, {@code null} when none. */
    public Level levelFor(BigDecimal qualifying) {
        Level reached = null;
        for (Level level : levels) {
            if (qualifying.compareTo(level.threshold()) >= 0) {
                reached = level;
            }
        }
        return reached;
    }

    /** The level after {@code tier}, {@code null} at the top. */
    public Level next(String tier) {
        if (tier == null) {
            return levels.isEmpty() ? null : levels.get(0);
        }
        for (int i = 0; i < levels.size() - 1; i++) {
            if (levels.get(i).name().equals(tier)) {
                return levels.get(i + 1);
            }
        }
        return null;
    }

    public int rank(String tier) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(tier)) {
                return i;
            }
        }
        return -1;
    }
}

package io.patronage.points.program;

import io.patronage.points.ledger.Lot;
import io.patronage.points.ledger.PointsUnit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One version of a chain's loyalty program: what {@code EarningPolicy} applies to a purchase and what the
 * account applies to the lots it earns (pending days, expiry, returns, tiers).
 * <p>
 * Evaluation order of a purchase: the total is spread over its lines pro rata (so basket discounts are
 * honoured); lines outside {@link #includeOnly} earn nothing; {@link #multipliers} exclude lines (factor 0) or add extra points on them; the minimum spend is
 * checked on what remains eligible; campaign and tier multipliers add their extra points; the exact points
 * of all these rules are rounded with {@link #rounding}, once on their sum or per rule ({@link #roundingPer});
 * the fixed bonuses of the
 * transaction (per SKU, per visit, campaign bonuses) are added; the {@link #maxPointsPerTransaction cap}
 * applies, then what is left of the member's {@link #maxPointsPerDay day} and {@link #maxPointsPerPeriod period}
 * caps; then the member bonuses (birthday, first purchase, referral) are added, uncapped.
 *
 * @param version                 recorded on every earning, unique per chain
 * @param effectiveFrom           the instant from which this version applies (till time); never in the past when created
 * @param endsAt                  the program ends here: nothing is earned from this instant; {@code null} for open-ended
 * @param timeZone                the chain's zone: campaign dates, birthdays and expiry instants are read in it
 * @param currency                ISO 4217 code the amounts are in; {@code null} for any currency
 * @param pointsPerUnit           points per whole unit of the currency (0.01 = 1 point per 100)
 * @param minimumSpend            eligible amount below which nothing is earned
 * @param multipliers             SKU and category multipliers; 0 excludes the line (gift cards, tobacco...)
 * @param maxPointsPerTransaction cap on the points of one purchase, {@code null} for none
 * @param pendingDays             days a purchase's points stay locked (the return window) before they can be spent
 * @param roundingPer             {@code TRANSACTION} (default): the rate rules' exact sum is rounded once;
 *                                {@code RULE}: each rate rule's points are rounded, then summed
 * @param stacking                how the multipliers matching one line combine (see {@link Stacking})
 * @param includeOnly             when not empty, only the lines of these categories or SKUs earn
 * @param maxPointsPerDay         cap on what a member's purchases earn in one calendar day of {@link #timeZone}
 *                                (by the till's {@code occurredAt}), {@code null} for none
 * @param maxPointsPerPeriod      cap on what a member's purchases earn in one calendar month, quarter or year,
 *                                {@code null} for none
 * @param overBalanceRedemption   what a till's or an operator's redemption above the available points gets: rejected
 *                                (the default) or clamped to them (see {@link OverBalance})
 * @param pointsDecimals          how many decimals the program's points keep (0, the default, to
 *                                {@value #MAX_POINTS_DECIMALS}): the earning rules round to them, the ledger counts
 *                                in that {@link #unit()}, and every figure of points in the program (bonuses, caps,
 *                                thresholds, limits) is in whole points; fixed per chain (see {@code Programs})
 * @param redemption              what a till may pay with points in one purchase (see {@link RedemptionLimits})
 */
public record ProgramRules(String version,
                           Instant effectiveFrom,
                           Instant endsAt,
                           ZoneId timeZone,
                           String currency,
                           BigDecimal pointsPerUnit,
                           PointsRounding rounding,
                           BigDecimal minimumSpend,
                           List<LineMultiplier> multipliers,
                           Long maxPointsPerTransaction,
                           List<Campaign> campaigns,
                           Bonuses bonuses,
                           ReturnPolicy returnPolicy,
                           int pendingDays,
                           ExpiryRule expiry,
                           TierRules tiers,
                           RoundingScope roundingPer,
                           Stacking stacking,
                           IncludeOnly includeOnly,
                           Long maxPointsPerDay,
                           PeriodCap maxPointsPerPeriod,
                           OverBalance overBalanceRedemption,
                           int pointsDecimals,
                           RedemptionLimits redemption) {

    public static final String DEFAULT_VERSION = "default-v1";
    public static final int MAX_POINTS_DECIMALS = PointsUnit.MAX_DECIMALS;

    /** The program every chain gets until it has its own: 1 point per whole currency unit, rounded down. */
    public static final ProgramRules DEFAULT = new ProgramRules(DEFAULT_VERSION, BigDecimal.ONE,
            PointsRounding.DOWN, BigDecimal.ZERO, List.of(), null);

    public ProgramRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is required");
        }
        effectiveFrom = effectiveFrom == null ? Instant.EPOCH : effectiveFrom;
        if (endsAt != null && !endsAt.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("endsAt must be after effectiveFrom");
        }
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        if (pointsPerUnit == null || pointsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("pointsPerUnit must be 0 or positive: " + pointsPerUnit);
        }
        ProgramNumbers.bounded("pointsPerUnit", pointsPerUnit, ProgramNumbers.MAX_RATE);
        rounding = rounding == null ? PointsRounding.DOWN : rounding;
        minimumSpend = minimumSpend == null ? BigDecimal.ZERO : minimumSpend;
        if (minimumSpend.signum() < 0) {
            throw new IllegalArgumentException("minimumSpend must not be negative: " + minimumSpend);
        }
        ProgramNumbers.bounded("minimumSpend", minimumSpend, ProgramNumbers.MAX_AMOUNT);
        multipliers = multipliers == null ? List.of() : List.copyOf(multipliers);
        if (maxPointsPerTransaction != null && maxPointsPerTransaction < 0) {
            throw new IllegalArgumentException("maxPointsPerTransaction must not be negative: " + maxPointsPerTransaction);
        }
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        if (campaigns.stream().map(Campaign::name).distinct().count() != campaigns.size()) {
            throw new IllegalArgumentException("campaign names must be unique");
        }
        bonuses = bonuses == null ? Bonuses.NONE : bonuses;
        returnPolicy = returnPolicy == null ? ReturnPolicy.CLAMP_AT_ZERO : returnPolicy;
        if (pendingDays < 0) {
            throw new IllegalArgumentException("pendingDays must not be negative: " + pendingDays);
        }
        expiry = expiry == null ? ExpiryRule.NEVER : expiry;
        tiers = tiers == null ? TierRules.NONE : tiers;
        roundingPer = roundingPer == null ? RoundingScope.TRANSACTION : roundingPer;
        stacking = stacking == null ? Stacking.ADDITIVE : stacking;
        includeOnly = includeOnly == null ? IncludeOnly.EVERYTHING : includeOnly;
        overBalanceRedemption = overBalanceRedemption == null ? OverBalance.REJECT : overBalanceRedemption;
        if (pointsDecimals < 0 || pointsDecimals > MAX_POINTS_DECIMALS) {
            throw new IllegalArgumentException("pointsDecimals must be between 0 and " + MAX_POINTS_DECIMALS + ": "
                    + pointsDecimals);
        }
        if (maxPointsPerDay != null && maxPointsPerDay < 0) {
            throw new IllegalArgumentException("maxPointsPerDay must not be negative: " + maxPointsPerDay);
        }
        redemption = redemption == null ? RedemptionLimits.NONE : redemption;
    }

    /** A program without redemption limits. */
    public ProgramRules(String version, Instant effectiveFrom, Instant endsAt, ZoneId timeZone, String currency,
                        BigDecimal pointsPerUnit, PointsRounding rounding, BigDecimal minimumSpend,
                        List<LineMultiplier> multipliers, Long maxPointsPerTransaction, List<Campaign> campaigns,
                        Bonuses bonuses, ReturnPolicy returnPolicy, int pendingDays, ExpiryRule expiry,
                        TierRules tiers, RoundingScope roundingPer, Stacking stacking, IncludeOnly includeOnly,
                        Long maxPointsPerDay, PeriodCap maxPointsPerPeriod, OverBalance overBalanceRedemption,
                        int pointsDecimals) {
        this(version, effectiveFrom, endsAt, timeZone, currency, pointsPerUnit, rounding, minimumSpend, multipliers,
                maxPointsPerTransaction, campaigns, bonuses, returnPolicy, pendingDays, expiry, tiers, roundingPer,
                stacking, includeOnly, maxPointsPerDay, maxPointsPerPeriod, overBalanceRedemption, pointsDecimals, null);
    }

    /** A program with the rule vocabulary up to the include-only list, without the later fields. */
    public ProgramRules(String version, Instant effectiveFrom, Instant endsAt, ZoneId timeZone, String currency,
                        BigDecimal pointsPerUnit, PointsRounding rounding, BigDecimal minimumSpend,
                        List<LineMultiplier> multipliers, Long maxPointsPerTransaction, List<Campaign> campaigns,
                        Bonuses bonuses, ReturnPolicy returnPolicy, int pendingDays, ExpiryRule expiry,
                        TierRules tiers, RoundingScope roundingPer, Stacking stacking, IncludeOnly includeOnly) {
        this(version, effectiveFrom, endsAt, timeZone, currency, pointsPerUnit, rounding, minimumSpend, multipliers,
                maxPointsPerTransaction, campaigns, bonuses, returnPolicy, pendingDays, expiry, tiers, roundingPer,
                stacking, includeOnly, null, null, null, 0);
    }

    /** A program without the rule vocabulary added later (#17), which keeps its defaults. */
    public ProgramRules(String version, Instant effectiveFrom, Instant endsAt, ZoneId timeZone, String currency,
                        BigDecimal pointsPerUnit, PointsRounding rounding, BigDecimal minimumSpend,
                        List<LineMultiplier> multipliers, Long maxPointsPerTransaction, List<Campaign> campaigns,
                        Bonuses bonuses, ReturnPolicy returnPolicy, int pendingDays, ExpiryRule expiry,
                        TierRules tiers) {
        this(version, effectiveFrom, endsAt, timeZone, currency, pointsPerUnit, rounding, minimumSpend, multipliers,
                maxPointsPerTransaction, campaigns, bonuses, returnPolicy, pendingDays, expiry, tiers, null, null, null,
                null, null, null, 0);
    }

    /** The earning part of a program alone, with the defaults for everything else. */
    public ProgramRules(String version, BigDecimal pointsPerUnit, PointsRounding rounding, BigDecimal minimumSpend,
                        List<LineMultiplier> multipliers, Long maxPointsPerTransaction) {
        this(version, null, null, null, null, pointsPerUnit, rounding, minimumSpend, multipliers,
                maxPointsPerTransaction, null, null, null, 0, null, null);
    }

    public ProgramRules withEffectiveFrom(Instant from) {
        return new ProgramRules(version, from, endsAt, timeZone, currency, pointsPerUnit, rounding, minimumSpend,
                multipliers, maxPointsPerTransaction, campaigns, bonuses, returnPolicy, pendingDays, expiry, tiers,
                roundingPer, stacking, includeOnly, maxPointsPerDay, maxPointsPerPeriod,
                overBalanceRedemption, pointsDecimals, redemption);
    }

    /** These rules keeping points with {@code decimals} (the default program in a chain's unit). */
    public ProgramRules withPointsDecimals(int decimals) {
        return new ProgramRules(version, effectiveFrom, endsAt, timeZone, currency, pointsPerUnit, rounding,
                minimumSpend, multipliers, maxPointsPerTransaction, campaigns, bonuses, returnPolicy, pendingDays,
                expiry, tiers, roundingPer, stacking, includeOnly, maxPointsPerDay, maxPointsPerPeriod,
                overBalanceRedemption, decimals, redemption);
    }

    /** The ledger's unit under this program: a point, or 10 to the minus {@link #pointsDecimals} of one. */
    public PointsUnit unit() {
        return new PointsUnit(pointsDecimals);
    }

    /** How many units of the earning's arithmetic make a point: 10 to the {@link #pointsDecimals}. */
    public long unitsPerPoint() {
        return unit().perPoint();
    }

    /** {@code units} as points with the program's decimals, e.g. 257 units are 2.57 points with 2 decimals. */
    public BigDecimal points(long units) {
        return unit().points(units);
    }

    public boolean inForceAt(Instant at) {
        return !at.isBefore(effectiveFrom) && (endsAt == null || at.isBefore(endsAt));
    }

    public boolean acceptsCurrency(String transactionCurrency) {
        return currency == null || Objects.equals(currency, transactionCurrency);
    }

    /** A lot of {@code points} earned at {@code earnedAt} under these rules: its pending days, expiry and notice. */
    public Lot lot(String lotId, long points, Instant earnedAt) {
        Instant expiresAt = expiry().expiresAt(earnedAt, timeZone());
        Instant noticeAt = expiresAt == null || expiry().notifyDaysBefore() == 0 ? null
                : expiresAt.minus(Duration.ofDays(expiry().notifyDaysBefore()));
        return new Lot(lotId, points, earnedAt, earnedAt.plus(Duration.ofDays(pendingDays())), expiresAt, noticeAt);
    }
}

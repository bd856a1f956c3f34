package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.program.Bonuses;
import io.patronage.points.program.Campaign;
import io.patronage.points.program.LineMultiplier;
import io.patronage.points.program.PeriodCap;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.RoundingScope;
import io.patronage.points.program.Stacking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Earning as a pure function: {@code (program rules, account, transaction) -> outcome}. No clock, no I/O,
 * so an earning can be re-rated or explained later from the same inputs. See {@link ProgramRules} for the
 * order in which the rules apply.
 * <p>
 * Amounts stay exact: the total is spread over the lines pro rata to {@code quantity × unitPrice}, every
 * rate-based rule's exact points are kept as a numerator over the common denominator (the lines' sum), and
 * the only rounding is the program's, once on their sum (or once per rule, when the program says so). Nothing assumes a number of minor units: JPY, EUR
 * and KWD amounts go through the same arithmetic.
 * <p>
 * Points are counted in the program's units ({@link ProgramRules#unitsPerPoint}: whole points, or hundredths of a
 * point for a program with {@code pointsDecimals: 2}): the rounding is to a unit, and the program's fixed figures
 * (bonuses, caps, given in points) are scaled to units, so every figure of an outcome is a whole number of units.
 * <p>
 * Points are exact too: amounts become whole units only through {@link LedgerLimits#credit} (refused above the
 * ceiling of one transaction, never truncated) and are added with exact arithmetic, so a purchase that would earn
 * more than {@link LedgerLimits#TRANSACTION} points (at any step: the rate rules, a bonus, the total) is refused
 * with a {@link PointsOverflowException} rather than earning a wrapped or truncated number.
 */
public final class EarningPolicy {

    static final String BASE = "base";
    static final String CAP = "cap";
    static final String DAY_CAP = "cap:day";
    static final String PERIOD_CAP = "cap:period";
    static final String VISIT = "visit";
    public static final String BIRTHDAY = "birthday";
    static final String FIRST_PURCHASE = "first-purchase";
    public static final String REFERRAL = "referral";
    private static final Set<String> MEMBER_BONUSES = Set.of(BIRTHDAY, FIRST_PURCHASE, REFERRAL);

    private EarningPolicy() {
    }

    public static EarningOutcome earn(ProgramRules rules, AccountStanding account, PosTransaction transaction) {
        String what = "transaction " + transaction.chainId() + ":" + transaction.transactionId();
        try {
            return rate(rules, account, transaction, what);
        } catch (ArithmeticException e) {
            throw new PointsOverflowException(what + ": " + e.getMessage());
        }
    }

    private static EarningOutcome rate(ProgramRules rules, AccountStanding account, PosTransaction transaction,
                                       String what) {
        Instant at = transaction.occurredAt().toInstant();
        if (transaction.type() != TransactionType.PURCHASE || !rules.inForceAt(at)
                || !rules.acceptsCurrency(transaction.currency())) {
            return EarningOutcome.nothing(rules, BigDecimal.ZERO);
        }
        BigDecimal total = transaction.total();
        List<Line> lines = lines(transaction);
        BigDecimal denominator = sum(lines);
        List<Line> eligible = eligibleLines(rules, lines);
        BigDecimal eligibleWeight = sum(eligible);
        BigDecimal eligibleAmount = total.multiply(eligibleWeight)
                .divide(denominator, total.scale(), RoundingMode.HALF_UP);
        if (eligible.isEmpty()
                || total.multiply(eligibleWeight).compareTo(rules.minimumSpend().multiply(denominator)) < 0) {
            return EarningOutcome.nothing(rules, eligibleAmount);
        }
        LocalDate day = at.atZone(rules.timeZone()).toLocalDate();
        List<Campaign> campaigns = rules.campaigns().stream()
                .filter(c -> c.appliesTo(day, transaction.storeId(),
                        transaction.couponCodes() == null ? List.of() : transaction.couponCodes()))
                .toList();

        long unit = rules.unitsPerPoint();
        Map<String, Long> breakdown = new LinkedHashMap<>();
        ratePoints(rules, account, total, denominator, eligible, campaigns, what).forEach(breakdown::put);
        Bonuses bonuses = rules.bonuses();
        for (Line line : eligible) {
            Long perUnit = line.sku() == null ? null : bonuses.skus().get(line.sku());
            if (perUnit != null) {
                long points = LedgerLimits.credit(BigDecimal.valueOf(perUnit)
                        .multiply(line.quantity().setScale(0, RoundingMode.FLOOR))
                        .multiply(BigDecimal.valueOf(unit)), what);
                if (points > 0) {
                    breakdown.merge("sku-bonus:" + line.sku(), points, LedgerLimits::add);
                }
            }
        }
        new TreeMap<>(bonuses.skusOnce()).forEach((sku, once) -> {
            if (eligible.stream().anyMatch(line -> sku.equals(line.sku()) && line.quantity().signum() > 0)) {
                add(breakdown, "sku-once:" + sku, Math.multiplyExact(once, unit));
            }
        });
        add(breakdown, VISIT, Math.multiplyExact(bonuses.visit(), unit));
        for (Campaign campaign : campaigns) {
            if (campaign.bonus() > 0 && eligible.stream().anyMatch(line -> campaign.covers(line.category()))) {
                breakdown.merge(campaign.rule(), Math.multiplyExact(campaign.bonus(), unit), LedgerLimits::add);
            }
        }
        long points = breakdown.values().stream().mapToLong(Long::longValue).reduce(0, LedgerLimits::add);
        if (rules.maxPointsPerTransaction() != null) {
            points = limit(breakdown, CAP, points, Math.multiplyExact(rules.maxPointsPerTransaction(), unit), 0);
        }
        if (rules.maxPointsPerDay() != null) {
            Instant dayStart = day.atStartOfDay(rules.timeZone()).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(rules.timeZone()).toInstant();
            points = limit(breakdown, DAY_CAP, points, Math.multiplyExact(rules.maxPointsPerDay(), unit),
                    account.earnedBetween(dayStart, dayEnd));
        }
        PeriodCap period = rules.maxPointsPerPeriod();
        if (period != null) {
            LocalDate start = period.start(day);
            points = limit(breakdown, PERIOD_CAP, points, Math.multiplyExact(period.points(), unit), account.earnedBetween(
                    start.atStartOfDay(rules.timeZone()).toInstant(),
                    period.next(start).atStartOfDay(rules.timeZone()).toInstant()));
        }
        if (birthdayBonusDue(rules, account, at)) {
            add(breakdown, BIRTHDAY, Math.multiplyExact(bonuses.birthday().points(), unit));
        }
        long referrerBonus = 0;
        if (account.purchases() == 0) {
            add(breakdown, FIRST_PURCHASE, Math.multiplyExact(bonuses.firstPurchase(), unit));
            if (account.referred()) {
                add(breakdown, REFERRAL, Math.multiplyExact(bonuses.referee(), unit));
                referrerBonus = Math.multiplyExact(bonuses.referrer(), unit);
            }
        }
        List<Contribution> contributions = breakdown.entrySet().stream()
                .filter(e -> e.getValue() != 0).map(e -> new Contribution(e.getKey(), e.getValue())).toList();
        long earned = LedgerLimits.credit(BigDecimal.valueOf(
                contributions.stream().mapToLong(Contribution::points).reduce(0, LedgerLimits::add)), what);
        return new EarningOutcome(rules.version(), eligibleAmount, earned, contributions, referrerBonus);
    }

    /** {@code points} limited to what is left of {@code max} after {@code earned}; the cut goes in as {@code rule}. */
    private static long limit(Map<String, Long> breakdown, String rule, long points, long max, long earned) {
        long room = Math.max(0, max - earned);
        if (points <= room) {
            return points;
        }
        breakdown.put(rule, room - points);
        return room;
    }

    /**
     * What of an earning counts towards the day and period caps: its points without the member bonuses (birthday,
     * first purchase, referral), which are never capped.
     */
    public static long capped(List<Contribution> breakdown) {
        return breakdown.stream().filter(c -> !MEMBER_BONUSES.contains(c.rule()))
                .mapToLong(Contribution::points).reduce(0, LedgerLimits::add);
    }

    /** The eligible share of a return's lines under {@code rules}, between 0 and 1; 1 when it has no lines. */
    public static BigDecimal eligibleShare(ProgramRules rules, PosTransaction transaction) {
        List<Line> lines = lines(transaction);
        return sum(eligibleLines(rules, lines)).divide(sum(lines), 12, RoundingMode.HALF_UP);
    }

    /**
     * Base, line, campaign and tier multipliers: exact points per rule (stacked per the program's
     * {@link Stacking}), rounded once on their sum and apportioned per rule, or rounded per rule.
     */
    private static Map<String, Long> ratePoints(ProgramRules rules, AccountStanding account, BigDecimal total,
                                                BigDecimal denominator, List<Line> eligible, List<Campaign> campaigns,
                                                String what) {
        List<Multiplier> multipliers = new ArrayList<>();
        for (LineMultiplier multiplier : rules.multipliers()) {
            if (!multiplier.excludes()) {
                multipliers.add(new Multiplier(multiplier.rule(), multiplier.factor(), multiplier.priority(),
                        line -> line.matchedBy(multiplier)));
            }
        }
        for (Campaign campaign : campaigns) {
            multipliers.add(new Multiplier(campaign.rule(), campaign.multiplier(), campaign.priority(),
                    line -> campaign.covers(line.category())));
        }
        if (account.tier() != null) {
            multipliers.add(new Multiplier("tier:" + account.tier(), rules.tiers().multiplierOf(account.tier()),
                    rules.tiers().priority(), line -> true));
        }
        BigDecimal[] extras = new BigDecimal[multipliers.size()];
        Arrays.fill(extras, BigDecimal.ZERO);
        for (Line line : eligible) {
            stack(rules.stacking(), multipliers, line, extras);
        }
        List<String> names = new ArrayList<>();
        List<BigDecimal> numerators = new ArrayList<>();
        BigDecimal perUnit = rules.pointsPerUnit().multiply(total).multiply(BigDecimal.valueOf(rules.unitsPerPoint()));
        names.add(BASE);
        numerators.add(perUnit.multiply(sum(eligible)));
        for (int i = 0; i < multipliers.size(); i++) {
            if (extras[i].signum() != 0) {
                names.add(multipliers.get(i).rule());
                numerators.add(perUnit.multiply(extras[i]));
            }
        }
        BigDecimal exact = numerators.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (exact.signum() <= 0) {
            return Map.of();
        }
        if (rules.roundingPer() == RoundingScope.RULE) {
            return roundedPerRule(rules, names, numerators, denominator, what);
        }
        long points = LedgerLimits.credit(exact.divide(denominator, 0, rules.rounding().mode()), what);
        return apportion(names, numerators, denominator, points);
    }

    /** Each rule's exact points rounded on their own; nothing when their sum is not positive. */
    private static Map<String, Long> roundedPerRule(ProgramRules rules, List<String> names, List<BigDecimal> numerators,
                                                    BigDecimal denominator, String what) {
        Map<String, Long> breakdown = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            breakdown.merge(names.get(i), numerators.get(i).divide(denominator, 0, rules.rounding().mode())
                    .longValueExact(), LedgerLimits::add);
        }
        long points = breakdown.values().stream().mapToLong(Long::longValue).reduce(0, LedgerLimits::add);
        if (points <= 0) {
            return Map.of();
        }
        LedgerLimits.credit(BigDecimal.valueOf(points), what);
        return breakdown;
    }

    /** Adds to each multiplier's {@code extras} the base weight it adds on {@code line}, per {@code stacking}. */
    private static void stack(Stacking stacking, List<Multiplier> multipliers, Line line, BigDecimal[] extras) {
        if (stacking == Stacking.PRIORITY) {
            int winner = -1;
            for (int i = 0; i < multipliers.size(); i++) {
                Multiplier m = multipliers.get(i);
                if (m.factor().compareTo(BigDecimal.ONE) != 0 && m.matches().test(line)
                        && (winner < 0 || m.priority() > multipliers.get(winner).priority())) {
                    winner = i;
                }
            }
            if (winner >= 0) {
                extras[winner] = extras[winner].add(multipliers.get(winner).extra().multiply(line.weight()));
            }
            return;
        }
        BigDecimal applied = BigDecimal.ONE;
        for (int i = 0; i < multipliers.size(); i++) {
            Multiplier m = multipliers.get(i);
            if (m.matches().test(line)) {
                extras[i] = extras[i].add(m.extra().multiply(applied).multiply(line.weight()));
                if (stacking == Stacking.MULTIPLICATIVE) {
                    applied = applied.multiply(m.factor());
                }
            }
        }
    }

    /** A rate multiplier of the purchase: line, campaign or tier. */
    private record Multiplier(String rule, BigDecimal factor, int priority, Predicate<Line> matches) {
        BigDecimal extra() {
            return factor.subtract(BigDecimal.ONE);
        }
    }

    private static boolean birthdayBonusDue(ProgramRules rules, AccountStanding account, Instant at) {
        Bonuses.BirthdayBonus bonus = rules.bonuses().birthday();
        if (bonus == null || bonus.points() == 0 || account.birthday() == null) {
            return false;
        }
        ZoneId zone = rules.timeZone();
        LocalDate day = at.atZone(zone).toLocalDate();
        if (account.lastBirthdayBonus() != null
                && account.lastBirthdayBonus().atZone(zone).getYear() == day.getYear()) {
            return false;
        }
        MonthDay birthday = account.birthday();
        return switch (bonus.scope()) {
            case DAY -> birthday.atYear(day.getYear()).equals(day);
            case MONTH -> birthday.getMonth() == day.getMonth();
        };
    }

    private static void add(Map<String, Long> breakdown, String rule, long points) {
        if (points != 0) {
            breakdown.merge(rule, points, LedgerLimits::add);
        }
    }

    /**
     * Whole points per rule that add up to the rounded total: each rule's exact points rounded down, and the
     * points the rounding added handed out by largest remainder (ties to the earlier rule).
     */
    private static Map<String, Long> apportion(List<String> names, List<BigDecimal> numerators,
                                               BigDecimal denominator, long points) {
        long[] whole = new long[names.size()];
        BigDecimal[] remainders = new BigDecimal[names.size()];
        long assigned = 0;
        for (int i = 0; i < names.size(); i++) {
            BigDecimal floor = numerators.get(i).divide(denominator, 0, RoundingMode.FLOOR);
            whole[i] = floor.longValueExact();
            remainders[i] = numerators.get(i).subtract(floor.multiply(denominator));
            assigned = Math.addExact(assigned, whole[i]);
        }
        long left = points - assigned;
        List<Integer> byRemainder = IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed())
                .toList();
        for (int i = 0; i < left; i++) {
            whole[byRemainder.get(i)]++;
        }
        Map<String, Long> breakdown = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            breakdown.merge(names.get(i), whole[i], LedgerLimits::add);
        }
        return breakdown;
    }

    private static List<Line> eligibleLines(ProgramRules rules, List<Line> lines) {
        return lines.stream()
                .filter(line -> !line.paidWithReward())
                .filter(line -> rules.includeOnly().includes(line.category(), line.sku()))
                .filter(line -> rules.multipliers().stream().noneMatch(m -> m.excludes() && line.matchedBy(m)))
                .toList();
    }

    /** The receipt lines as weights; a transaction without usable lines is one line worth its total. */
    private static List<Line> lines(PosTransaction transaction) {
        List<TransactionLine> lines = transaction.lines() == null ? List.of() : transaction.lines();
        List<Line> weighted = lines.stream()
                .map(line -> new Line(line.quantity().multiply(line.unitPrice()), line.quantity(), line.category(),
                        line.sku(), line.wasPaidWithReward()))
                .toList();
        return sum(weighted).signum() > 0 ? weighted : List.of(new Line(BigDecimal.ONE, BigDecimal.ONE, null, null, false));
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Line(BigDecimal weight, BigDecimal quantity, String category, String sku, boolean paidWithReward) {
        boolean matchedBy(LineMultiplier multiplier) {
            return multiplier.matches(category, sku);
        }
    }
}

package io.patronage.points.earning;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Earning as a pure function: {@code (program rules, account, transaction) -> outcome}. No clock, no I/O,
 * so an earning can be re-rated or explained later from the same inputs.
 * <p>
 * Amounts stay exact: the total is spread over the lines pro rata to {@code quantity × unitPrice}, every
 * rule's exact points are kept as a numerator over the common denominator (the lines' sum), and the only
 * rounding is the program's, once, on the transaction's total points. Nothing assumes a number of minor
 * units: JPY, EUR and KWD amounts go through the same arithmetic.
 */
public final class EarningPolicy {

    static final String BASE = "base";
    static final String CAP = "cap";

    private EarningPolicy() {
    }

    public static EarningOutcome earn(ProgramRules rules, AccountStanding account, PosTransaction transaction) {
        if (transaction.type() != TransactionType.PURCHASE) {
            return new EarningOutcome(rules.version(), BigDecimal.ZERO, 0, List.of());
        }
        BigDecimal total = transaction.total();
        List<Line> lines = lines(transaction);
        BigDecimal denominator = sum(lines);
        List<Line> eligible = lines.stream()
                .filter(line -> rules.multipliers().stream().noneMatch(m -> m.excludes() && line.matchedBy(m)))
                .toList();
        BigDecimal eligibleWeight = sum(eligible);
        BigDecimal eligibleAmount = total.multiply(eligibleWeight)
                .divide(denominator, total.scale(), RoundingMode.HALF_UP);
        if (total.multiply(eligibleWeight).compareTo(rules.minimumSpend().multiply(denominator)) < 0) {
            return new EarningOutcome(rules.version(), eligibleAmount, 0, List.of());
        }

        List<String> names = new ArrayList<>();
        List<BigDecimal> numerators = new ArrayList<>();
        BigDecimal perUnit = rules.pointsPerUnit().multiply(total);
        names.add(BASE);
        numerators.add(perUnit.multiply(eligibleWeight));
        for (LineMultiplier multiplier : rules.multipliers()) {
            BigDecimal extra = multiplier.factor().subtract(BigDecimal.ONE);
            if (multiplier.excludes() || extra.signum() == 0) {
                continue;
            }
            BigDecimal matched = sum(eligible.stream().filter(line -> line.matchedBy(multiplier)).toList());
            if (matched.signum() != 0) {
                names.add(multiplier.rule());
                numerators.add(perUnit.multiply(extra).multiply(matched));
            }
        }
        BigDecimal exact = numerators.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (exact.signum() <= 0) {
            return new EarningOutcome(rules.version(), eligibleAmount, 0, List.of());
        }
        long points = exact.divide(denominator, 0, rules.rounding().mode()).longValueExact();
        List<Contribution> breakdown = apportion(names, numerators, denominator, points);
        if (rules.maxPointsPerTransaction() != null && points > rules.maxPointsPerTransaction()) {
            breakdown.add(new Contribution(CAP, rules.maxPointsPerTransaction() - points));
            points = rules.maxPointsPerTransaction();
        }
        return new EarningOutcome(rules.version(), eligibleAmount, points,
                breakdown.stream().filter(c -> c.points() != 0).toList());
    }

    /**
     * Whole points per rule that add up to the rounded total: each rule's exact points rounded down, and the
     * points the rounding added handed out by largest remainder (ties to the earlier rule).
     */
    private static List<Contribution> apportion(List<String> names, List<BigDecimal> numerators,
                                                BigDecimal denominator, long points) {
        long[] whole = new long[names.size()];
        BigDecimal[] remainders = new BigDecimal[names.size()];
        long assigned = 0;
        for (int i = 0; i < names.size(); i++) {
            BigDecimal floor = numerators.get(i).divide(denominator, 0, RoundingMode.FLOOR);
            whole[i] = floor.longValueExact();
            remainders[i] = numerators.get(i).subtract(floor.multiply(denominator));
            assigned += whole[i];
        }
        long left = points - assigned;
        List<Integer> byRemainder = IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed())
                .toList();
        for (int i = 0; i < left; i++) {
            whole[byRemainder.get(i)]++;
        }
        List<Contribution> breakdown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            breakdown.add(new Contribution(names.get(i), whole[i]));
        }
        return breakdown;
    }

    /** The receipt lines as weights; a transaction without usable lines is one line worth its total. */
    private static List<Line> lines(PosTransaction transaction) {
        List<TransactionLine> lines = transaction.lines() == null ? List.of() : transaction.lines();
        List<Line> weighted = lines.stream()
                .map(line -> new Line(line.quantity().multiply(line.unitPrice()), line.category(), line.sku()))
                .toList();
        return sum(weighted).signum() > 0 ? weighted : List.of(new Line(BigDecimal.ONE, null, null));
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Line(BigDecimal weight, String category, String sku) {
        boolean matchedBy(LineMultiplier multiplier) {
            return multiplier.matches(category, sku);
        }
    }
}

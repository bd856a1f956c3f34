package io.patronage.analytics.views;

import io.patronage.contracts.analytics.CustomerSummaryView;
import io.patronage.contracts.analytics.CustomerValueView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The customer-value rows and summary of one chain from its members' orders: a pure function, so the RFM and CLV
 * arithmetic is tested without a topology. RFM scores are quintiles among the chain's customers (members with at
 * least one order): sorted ascending by the measure, a customer's score is {@code 5 × r / n + 1} (integer division)
 * with {@code r} the number of customers whose measure is strictly lower, so equal measures get the same score.
 */
final class CustomerValue {

    /** The observed span is at least this many days, so that the first days of a chain do not make a year. */
    static final long MIN_OBSERVED_DAYS = 30;

    private CustomerValue() {
    }

    /** A member's figures net of matched returns. */
    record Figures(String memberId, BigDecimal spend, long orders, Instant first, Instant last, Instant computedAt) {

        static Figures of(StoredCustomer customer) {
            StoredCustomer.Settled all = customer.settled();
            for (StoredCustomer.Order order : customer.orders().values()) {
                all = all.plus(order);
            }
            return new Figures(customer.memberId(), all.spend(), all.orders(), all.first(), all.last(),
                    customer.lastEventAt());
        }

        BigDecimal averageOrderValue() {
            return orders == 0 ? null : spend.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN);
        }
    }

    record Result(List<CustomerValueView> rows, CustomerSummaryView summary) {
    }

    static Result of(String chainId, String currency, ZoneId zone, List<StoredCustomer> members,
                     BigDecimal lifetimeYears, int top) {
        List<Figures> all = members.stream().map(Figures::of).toList();
        List<Figures> customers = all.stream().filter(figures -> figures.orders() > 0).toList();
        Map<String, Integer> recency = quintiles(customers, Figures::last);
        Map<String, Integer> frequency = quintiles(customers, Figures::orders);
        Map<String, Integer> monetary = quintiles(customers, Figures::spend);
        List<CustomerValueView> rows = new ArrayList<>();
        List<CustomerSummaryView.RankedCustomer> ranked = new ArrayList<>();
        for (Figures figures : all) {
            int r = recency.getOrDefault(figures.memberId(), 0);
            int f = frequency.getOrDefault(figures.memberId(), 0);
            int m = monetary.getOrDefault(figures.memberId(), 0);
            String rfm = "" + r + f + m;
            rows.add(new CustomerValueView(chainId, figures.memberId(), currency, figures.spend(), figures.orders(),
                    figures.averageOrderValue(), figures.first(), figures.last(), r, f, m, rfm, figures.computedAt()));
            if (figures.orders() > 0) {
                ranked.add(new CustomerSummaryView.RankedCustomer(figures.memberId(), rfm, r + f + m, figures.spend(),
                        figures.orders()));
            }
        }
        return new Result(rows, summary(chainId, currency, zone, all, customers, ranked, lifetimeYears, top));
    }

    private static CustomerSummaryView summary(String chainId, String currency, ZoneId zone, List<Figures> all,
                                               List<Figures> customers,
                                               List<CustomerSummaryView.RankedCustomer> ranked,
                                               BigDecimal lifetimeYears, int top) {
        BigDecimal spend = customers.stream().map(Figures::spend).reduce(BigDecimal.ZERO, BigDecimal::add);
        long orders = customers.stream().mapToLong(Figures::orders).sum();
        Instant computedAt = all.stream().map(Figures::computedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Comparator<CustomerSummaryView.RankedCustomer> byRfm = Comparator
                .comparingInt(CustomerSummaryView.RankedCustomer::rfmTotal)
                .thenComparing(CustomerSummaryView.RankedCustomer::spend);
        List<CustomerSummaryView.RankedCustomer> best = ranked.stream()
                .sorted(byRfm.reversed().thenComparing(CustomerSummaryView.RankedCustomer::memberId))
                .limit(top).toList();
        List<CustomerSummaryView.RankedCustomer> worst = ranked.stream()
                .sorted(byRfm.thenComparing(CustomerSummaryView.RankedCustomer::memberId))
                .limit(top).toList();
        if (customers.isEmpty()) {
            return new CustomerSummaryView(chainId, currency, 0, 0, spend, null, 0, null, lifetimeYears, null,
                    best, worst, computedAt);
        }
        LocalDate first = customers.stream().map(c -> LocalDate.ofInstant(c.first(), zone))
                .min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = customers.stream().map(c -> LocalDate.ofInstant(c.last(), zone))
                .max(Comparator.naturalOrder()).orElseThrow();
        long days = Math.max(MIN_OBSERVED_DAYS, ChronoUnit.DAYS.between(first, last) + 1);
        BigDecimal n = BigDecimal.valueOf(customers.size());
        BigDecimal year = BigDecimal.valueOf(365);
        BigDecimal observed = BigDecimal.valueOf(days);
        BigDecimal frequency = BigDecimal.valueOf(orders).multiply(year)
                .divide(n.multiply(observed), 4, RoundingMode.HALF_EVEN);
        // AOV × frequency = spend / orders × orders × 365 / (customers × days): computed unrounded
        BigDecimal clv = spend.multiply(year).multiply(lifetimeYears)
                .divide(n.multiply(observed), 2, RoundingMode.HALF_EVEN);
        return new CustomerSummaryView(chainId, currency, customers.size(), orders, spend,
                spend.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN), days, frequency, lifetimeYears,
                clv, best, worst, computedAt);
    }

    /** Scores 1–5 by member id; equal measures share the score of the first of them. */
    static <T extends Comparable<? super T>> Map<String, Integer> quintiles(List<Figures> customers,
                                                                          Function<Figures, T> measure) {
        List<Figures> sorted = customers.stream().sorted(Comparator.comparing(measure)).toList();
        Map<String, Integer> scores = new HashMap<>();
        int lower = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && measure.apply(sorted.get(i)).compareTo(measure.apply(sorted.get(i - 1))) != 0) {
                lower = i;
            }
            scores.put(sorted.get(i).memberId(), 5 * lower / sorted.size() + 1);
        }
        return scores;
    }
}

package io.patronage.bench.measure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns an {@link AnalyticsProbe.Outcome} into lags: after the last transaction sent, after the last PointsEarned. */
final class AnalyticsLag {

    private AnalyticsLag() {
    }

    /**
     * @param lastSent    {@link System#nanoTime()} when the last transaction was acknowledged by Kafka
     * @param target      how long after the last transaction the views must count it
     * @param earningKeys the run's transactions that earn points, to find when the last PointsEarned arrived
     */
    static void report(String label, AnalyticsProbe.Outcome outcome, long lastSent, double target,
                       Collection<String> earningKeys, Platform platform, String section, Report report) {
        long lastEarned = earningKeys.stream()
                .map(key -> platform.watcher().seenAt(key).orElse(lastSent))
                .mapToLong(Long::longValue).max().orElse(lastSent);
        Optional<Double> counts = outcome.countsCurrentAt().map(at -> (at - lastSent) / 1e9);
        Optional<Double> points = outcome.pointsCurrentAt().map(at -> Math.max(0, at - lastEarned) / 1e9);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("purchasesCountedSecondsAfterLastTransaction", counts.map(Fmt::round).orElse(null));
        json.put("pointsIssuedCurrentSecondsAfterLastPointsEarned", points.map(Fmt::round).orElse(null));
        json.put("lastViews", outcome.lastView());
        report.put(section, json);
        String wanted = "≤ " + Fmt.seconds(target);
        if (counts.isPresent()) {
            report.row("analytics lag " + label + ": all purchases counted", Fmt.seconds(counts.get()), wanted,
                    counts.get() <= target);
        } else {
            report.row("analytics lag " + label + ": all purchases counted", "never (3 min)", wanted, false);
        }
        report.row("analytics lag " + label + ": points issued current",
                points.map(s -> Fmt.seconds(s) + " after the last PointsEarned").orElse("never (3 min)"));
    }

    /**
     * Records per second from the first record sent until the views counted them all, against the raw Kafka
     * produce→consume rate of the same records on the same broker.
     */
    static void throughput(AnalyticsProbe.Outcome outcome, long start, int records, Optional<Baseline.Result> baseline,
                           Report report) {
        outcome.countsCurrentAt().ifPresent(at -> {
            double perSecond = records / ((at - start) / 1e9);
            report.row("analytics throughput (first record sent → all counted)", Fmt.rate(perSecond) + " tx/s");
            baseline.ifPresent(raw -> report.row("analytics / raw Kafka", Fmt.ratio(perSecond / raw.perSecond())));
        });
    }

    /**
     * Analytics-service's CPU from the first record sent until every purchase was counted: steadier than the lag on
     * a shared machine, whose other load stretches the wall clock more than the work.
     */
    static void cpu(Optional<Double> seconds, int records, Report report) {
        seconds.ifPresent(used -> {
            report.put("analyticsCpuSeconds", Fmt.round(used));
            report.row("analytics CPU, first record sent → all counted", String.format(Locale.ROOT,
                    "%.1f s · %.2f ms per till record", used, used * 1000 / records));
        });
    }
}

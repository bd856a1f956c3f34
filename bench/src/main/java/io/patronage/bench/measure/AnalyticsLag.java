package io.patronage.bench.measure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns an {@link AnalyticsProbe.Outcome} into lags: after the last transaction sent, after the last PointsEarned. */
final class AnalyticsLag {

    private static final double TARGET_SECONDS = 5;

    private AnalyticsLag() {
    }

    /**
     * @param lastSent    {@link System#nanoTime()} when the last transaction was acknowledged by Kafka
     * @param earningKeys the run's transactions that earn points, to find when the last PointsEarned arrived
     */
    static void report(String label, AnalyticsProbe.Outcome outcome, long lastSent, Collection<String> earningKeys,
                       Platform platform, String section, Report report) {
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
        if (counts.isPresent()) {
            report.row("analytics lag " + label + ": all purchases counted", Fmt.seconds(counts.get()),
                    "≤ 5 s", counts.get() <= TARGET_SECONDS);
        } else {
            report.row("analytics lag " + label + ": all purchases counted", "never (3 min)", "≤ 5 s", false);
        }
        report.row("analytics lag " + label + ": points issued current",
                points.map(s -> Fmt.seconds(s) + " after the last PointsEarned").orElse("never (3 min)"));
    }
}

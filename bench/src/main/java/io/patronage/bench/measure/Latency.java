package io.patronage.bench.measure;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of latencies, in milliseconds. */
public record Latency(int samples, double p50, double p95, double p99, double max) {

    static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    public String summary() {
        return samples == 0 ? "no samples" : Fmt.ms(p50) + " / " + Fmt.ms(p95) + " / " + Fmt.ms(p99) + " ms";
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("samples", samples);
        json.put("p50Ms", Fmt.round(p50));
        json.put("p95Ms", Fmt.round(p95));
        json.put("p99Ms", Fmt.round(p99));
        json.put("maxMs", Fmt.round(max));
        return json;
    }
}

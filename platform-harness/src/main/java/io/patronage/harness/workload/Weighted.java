package io.patronage.harness.workload;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Draws items with probability proportional to their weight, in O(log n). */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] weights) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw from");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    static <T> Weighted<T> of(List<T> items, ToDoubleFunction<T> weight) {
        return new Weighted<>(items, items.stream().mapToDouble(weight).toArray());
    }

    /** Weights following Zipf's law by position: the first item is the most popular. */
    static <T> Weighted<T> zipf(List<T> items, double exponent) {
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
        }
        return new Weighted<>(items, weights);
    }

    T draw(SplittableRandom random) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, point);
        index = index >= 0 ? index + 1 : -index - 1;
        return items.get(Math.min(index, items.size() - 1));
    }
}

package io.patronage.harness.workload;

import java.util.SplittableRandom;

final class Gaussian {

    private Gaussian() {
    }

    /** A standard normal draw (Box-Muller), so that a seed gives the same numbers on every JDK. */
    static double next(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A log-normal draw with the given median. */
    static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * next(random));
    }
}

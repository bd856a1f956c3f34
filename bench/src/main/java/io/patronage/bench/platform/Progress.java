package io.patronage.bench.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** A phase's progress line, printed about every two seconds, and waiting with stall detection. */
public final class Progress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final String phase;
    private final long startedAt = System.nanoTime();
    private long printedAt = startedAt;

    public Progress(String phase) {
        this.phase = phase;
        System.out.printf("[%s] started%n", phase);
    }

    /** Prints the status if the last line is two seconds old. */
    public void tick(Supplier<String> status) {
        long now = System.nanoTime();
        if (now - printedAt >= INTERVAL_NANOS) {
            printedAt = now;
            print(status.get());
        }
    }

    public void print(String status) {
        System.out.printf(Locale.ROOT, "[%s %6.1fs] %s%n", phase, (System.nanoTime() - startedAt) / 1e9, status);
    }

    /**
     * Polls until {@code done}, ticking the progress line.
     *
     * @param progress a number that grows while work is being done
     * @return {@code false} if {@code progress} did not move for {@code stall}
     * @throws BenchFailure if one of the services died
     */
    public boolean await(BooleanSupplier done, LongSupplier progress, Supplier<String> status, Duration stall,
                         List<ServiceUnderTest> services) {
        long last = progress.getAsLong();
        long movedAt = System.nanoTime();
        while (!done.getAsBoolean()) {
            services.forEach(ServiceUnderTest::checkAlive);
            long now = progress.getAsLong();
            if (now != last) {
                last = now;
                movedAt = System.nanoTime();
            } else if (System.nanoTime() - movedAt > stall.toNanos()) {
                print("no progress for " + stall.toSeconds() + " s, giving up: " + status.get());
                return false;
            }
            tick(status);
            pause(5);
        }
        return true;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}

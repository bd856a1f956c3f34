package io.patronage.launcher;

import java.time.Duration;
import java.util.Optional;

/**
 * When the launcher restarts a service that crashed: after 1 s, doubling with every further crash in a row up
 * to 30 s; a run of at least a minute counts as healthy, so the next crash starts again at 1 s. After 8 crashes
 * in a row without such a run the cause is not going away by itself, and the launcher stops trying.
 */
final class RestartPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    static final Duration HEALTHY_RUN = Duration.ofMinutes(1);
    static final int MAX_CRASHES_IN_A_ROW = 8;

    private int crashesInARow;

    /** @return how long to wait before restarting, or empty to give up */
    synchronized Optional<Duration> afterCrash(Duration ranFor) {
        if (ranFor.compareTo(HEALTHY_RUN) >= 0) {
            crashesInARow = 0;
        }
        crashesInARow++;
        if (crashesInARow >= MAX_CRASHES_IN_A_ROW) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(crashesInARow - 1, 30));
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    synchronized int crashesInARow() {
        return crashesInARow;
    }
}

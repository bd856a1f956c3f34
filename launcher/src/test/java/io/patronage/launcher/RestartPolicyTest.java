package io.patronage.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestartPolicyTest {

    private static final Duration FAST = Duration.ofSeconds(5);

    @Test
    void waitsLongerAfterEveryCrashInARowUpToThirtySecondsThenGivesUp() {
        RestartPolicy policy = new RestartPolicy();
        List<Optional<Duration>> delays = new ArrayList<>();
        for (int crash = 1; crash <= 8; crash++) {
            delays.add(policy.afterCrash(FAST));
        }

        assertEquals(List.of(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), seconds(30), seconds(30),
                Optional.empty()), delays);
    }

    @Test
    void aRunOfAMinuteOrMoreStartsTheCountAgain() {
        RestartPolicy policy = new RestartPolicy();
        for (int crash = 1; crash <= 7; crash++) {
            policy.afterCrash(FAST);
        }

        assertEquals(seconds(1), policy.afterCrash(Duration.ofMinutes(1)));
        assertEquals(seconds(2), policy.afterCrash(FAST));
        assertEquals(2, policy.crashesInARow());
    }

    private static Optional<Duration> seconds(long seconds) {
        return Optional.of(Duration.ofSeconds(seconds));
    }
}

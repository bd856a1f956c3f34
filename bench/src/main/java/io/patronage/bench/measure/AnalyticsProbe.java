package io.patronage.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.bench.kafka.PointsWatcher;
import io.patronage.bench.platform.Http;
import io.patronage.bench.platform.Progress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Polls analytics-service's participation view of every chain until it counts everything sent: all purchases
 * (member and non-member), and all points issued that the bench has read from {@code loyalty.points.v1}.
 */
public final class AnalyticsProbe {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** Often enough to time a lag to a tenth of its ≤ 1 s target; each poll costs the service three view reads. */
    private static final Duration EVERY = Duration.ofMillis(50);

    /**
     * @param countsCurrentAt {@link System#nanoTime()} when every chain's purchase counts were right, if ever
     * @param pointsCurrentAt when every chain's points issued also matched the PointsEarned events read
     * @param lastView        the last participation views read, for the report when it never got there
     */
    public record Outcome(Optional<Long> countsCurrentAt, Optional<Long> pointsCurrentAt,
                          Map<String, JsonNode> lastView) {
    }

    private final Http analytics;

    public AnalyticsProbe(Http analytics) {
        this.analytics = analytics;
    }

    /**
     * Starts polling in the background.
     *
     * @param expectedEarned transactions that must have a PointsEarned before the points can be current
     */
    public CompletableFuture<Outcome> watch(Map<String, Expectations.ChainCounts> expected, PointsWatcher points,
                                            LongSupplier expectedEarned) {
        return watch(expected, points, expectedEarned, EVERY);
    }

    /** @param every how often to read the views: less often where their cost to the service matters more */
    public CompletableFuture<Outcome> watch(Map<String, Expectations.ChainCounts> expected, PointsWatcher points,
                                            LongSupplier expectedEarned, Duration every) {
        return CompletableFuture.supplyAsync(() -> poll(expected, points, expectedEarned, every));
    }

    /** Waits for the enrollments to be counted, before any transaction is sent. */
    public boolean awaitEnrolled(Map<String, Expectations.ChainCounts> expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = expected.entrySet().stream().allMatch(chain -> view(chain.getKey())
                    .map(view -> view.path("enrolledMembers").asLong() >= chain.getValue().enrolled())
                    .orElse(false));
            if (all) {
                return true;
            }
            Progress.pause(200);
        }
        return false;
    }

    private Outcome poll(Map<String, Expectations.ChainCounts> expected, PointsWatcher points,
                         LongSupplier expectedEarned, Duration every) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Long countsAt = null;
        Long pointsAt = null;
        Map<String, JsonNode> views = new LinkedHashMap<>();
        while (System.nanoTime() < deadline && pointsAt == null) {
            boolean counts = true;
            boolean issued = points.earned() >= expectedEarned.getAsLong();
            for (Map.Entry<String, Expectations.ChainCounts> chain : expected.entrySet()) {
                Optional<JsonNode> view = view(chain.getKey());
                view.ifPresent(v -> views.put(chain.getKey(), v));
                Expectations.ChainCounts want = chain.getValue();
                counts &= view.map(v -> v.path("memberTransactions").asLong() == want.memberPurchases()
                        && v.path("nonMemberTransactions").asLong() == want.nonMemberPurchases()).orElse(false);
                issued &= view.map(v -> v.path("pointsIssued").asLong() == points.pointsIssued(chain.getKey()))
                        .orElse(false);
            }
            long now = System.nanoTime();
            if (counts && countsAt == null) {
                countsAt = now;
            }
            if (counts && issued) {
                pointsAt = now;
            }
            Progress.pause(every.toMillis());
        }
        return new Outcome(Optional.ofNullable(countsAt), Optional.ofNullable(pointsAt), views);
    }

    private Optional<JsonNode> view(String chainId) {
        return analytics.json("/analytics/participation?chainId=" + URLEncoder.encode(chainId, StandardCharsets.UTF_8));
    }
}

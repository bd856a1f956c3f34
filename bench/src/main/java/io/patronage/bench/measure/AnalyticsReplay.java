package io.patronage.bench.measure;

import io.patronage.bench.platform.Progress;
import io.patronage.bench.platform.ServiceUnderTest;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Analytics-service recomputing every view from offset 0 after its {@code reset}, with nothing else running: the
 * topology's own cost per input record, without the points-service and the load producer that share the machine
 * during the earn run, and the time a reset takes on this much history.
 */
public final class AnalyticsReplay {

    /** What analytics-service reads; {@code loyalty.chains.v1} is a global table, a few records. */
    private static final List<Topic> INPUTS = List.of(Topics.TRANSACTIONS, Topics.MEMBERS, Topics.POINTS,
            Topics.ENGAGEMENT, Topics.REWARDS);

    /** The replay is timed to its CPU: a poll costs the service three view reads (at 50 ms, 8% of its samples). */
    private static final Duration REPLAY_POLLS = Duration.ofMillis(500);

    private AnalyticsReplay() {
    }

    /**
     * @param stopAndReset stops the live analytics-service and resets the application
     * @param start        starts analytics-service after the reset (not yet ready)
     */
    public static void run(Runnable stopAndReset, Supplier<ServiceUnderTest> start, Duration readiness,
                           Platform platform, Report report) {
        long inputs = inputRecords(platform.bootstrapServers());
        ViewTopics.Reading live = published(platform.bootstrapServers());
        stopAndReset.run();
        long launched = System.nanoTime();
        ServiceUnderTest replaying = start.get();
        replaying.awaitReady(readiness);
        long ready = System.nanoTime();
        double cpuAtReady = cpuSeconds(replaying);
        AnalyticsProbe.Outcome outcome = new AnalyticsProbe(replaying.http())
                .watch(platform.expectations().snapshot(), platform.watcher(), platform.expectations()::earning,
                        REPLAY_POLLS)
                .join();
        double cpu = cpuSeconds(replaying) - cpuAtReady;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputRecords", inputs);
        json.put("readySeconds", Fmt.round((ready - launched) / 1e9));
        report.put("analyticsReplay", json);
        String label = "analytics replay (reset, alone): " + Fmt.count(inputs) + " input records";
        if (outcome.pointsCurrentAt().isEmpty()) {
            json.put("lastViews", outcome.lastView());
            report.row(label, "not current after 3 min");
            return;
        }
        double seconds = (outcome.pointsCurrentAt().get() - ready) / 1e9;
        json.put("secondsFromReady", Fmt.round(seconds));
        json.put("cpuSecondsFromReady", Fmt.round(cpu));
        report.row(label, String.format(Locale.ROOT, "%s after ready (%s records/s) · CPU %.1f s, %.2f ms per record",
                Fmt.seconds(seconds), Fmt.rate(inputs / seconds), cpu, cpu * 1000 / inputs));
        compare(live, platform.bootstrapServers(), json, report);
    }

    /**
     * The live instance's views once it has published every change: a view is published at most once a second, some
     * time after its state changed.
     */
    private static ViewTopics.Reading published(String bootstrapServers) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        ViewTopics.Reading before = ViewTopics.read(bootstrapServers);
        while (System.nanoTime() < deadline) {
            Progress.pause(3_000);
            ViewTopics.Reading now = ViewTopics.read(bootstrapServers);
            if (now.latest().equals(before.latest())) {
                return now;
            }
            before = now;
        }
        return before;
    }

    /**
     * Every view the live instance published against the one the recomputation published last for the same key,
     * read until they are equal or for a minute (the later stages publish a little after the participation counts).
     */
    private static void compare(ViewTopics.Reading live, String bootstrapServers, Map<String, Object> json,
                                Report report) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        List<String> differing;
        Map<String, String> recomputed;
        do {
            Progress.pause(3_000);
            recomputed = ViewTopics.readAfter(bootstrapServers, live).latest();
            differing = ViewTopics.differing(live.latest(), recomputed);
        } while (!differing.isEmpty() && System.nanoTime() < deadline);
        json.put("views", live.latest().size());
        json.put("viewsDiffering", differing.size());
        Map<String, Object> examples = new LinkedHashMap<>();
        for (String key : differing.stream().limit(20).toList()) {
            examples.put(key, Map.of("live", String.valueOf(live.latest().get(key)),
                    "recomputed", String.valueOf(recomputed.get(key))));
        }
        json.put("viewsDifferingFirst", examples);
        report.row("analytics replay: views equal to the live ones", Fmt.count(live.latest().size()
                - differing.size()) + " of " + Fmt.count(live.latest().size())
                + (differing.isEmpty() ? "" : " (first differing: " + differing.get(0) + ")"));
    }

    private static double cpuSeconds(ServiceUnderTest service) {
        return service.cpuTime().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    private static long inputRecords(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, TopicDescription> topics = admin.describeTopics(INPUTS.stream().map(Topic::name).toList())
                    .allTopicNames().get();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }));
            long end = sum(admin.listOffsets(latest).all().get());
            long start = sum(admin.listOffsets(earliest).all().get());
            return end - start;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the input topics' offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long sum(Map<TopicPartition, ListOffsetsResultInfo> offsets) {
        return offsets.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    }
}

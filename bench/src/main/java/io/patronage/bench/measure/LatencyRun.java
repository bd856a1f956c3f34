package io.patronage.bench.measure;

import io.patronage.bench.platform.Progress;
import io.patronage.contracts.Topics;
import io.patronage.harness.workload.Delivery;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends transactions at a fixed rate and measures, per transaction, from the moment it was due to be sent
 * to the moment its PointsEarned was read from {@code loyalty.points.v1}. Timing from the due moment, not
 * the actual send, keeps a stalled sender from hiding latency (coordinated omission). points-service writes
 * the balance read model before it publishes PointsEarned, so the event being readable means the balance is.
 */
public final class LatencyRun {

    private static final double TARGET_P99_MS = 250;
    private static final double ANALYTICS_TARGET_SECONDS = 1;

    private LatencyRun() {
    }

    public static Latency run(Platform platform, List<Delivery> deliveries, int rate,
                              Optional<AnalyticsProbe> analytics, Report report) {
        Progress progress = new Progress("latency@" + rate);
        String topic = Topics.TRANSACTIONS.name();
        Map<String, Long> dueAt = new HashMap<>();
        long[] behind = new long[deliveries.size()];
        FixedRate schedule = FixedRate.startingNow(rate);
        for (int i = 0; i < deliveries.size(); i++) {
            long due = schedule.awaitDue(i);
            Delivery delivery = deliveries.get(i);
            if (delivery.earns()) {
                dueAt.put(delivery.transactionKey(), due);
            }
            platform.producer().send(new ProducerRecord<>(topic, delivery.key(), delivery.value()));
            behind[i] = System.nanoTime() - due;
            platform.expectations().sent(delivery);
            int sent = i;
            progress.tick(() -> "sent " + Fmt.count(sent) + "/" + Fmt.count(deliveries.size()) + " · "
                    + EarnRun.status(platform));
        }
        platform.producer().flush();
        long lastSent = System.nanoTime();
        double achieved = deliveries.size() / ((lastSent - schedule.start()) / 1e9);
        CompletableFuture<AnalyticsProbe.Outcome> participation = analytics
                .map(probe -> probe.watch(platform.expectations().snapshot(), platform.watcher(),
                        platform.expectations()::earning))
                .orElse(null);
        boolean complete = EarnRun.awaitEarned(platform, progress);
        Latency latency = EarnRun.latencies(platform, dueAt);
        progress.print("p50/p95/p99 " + latency.summary() + " over " + Fmt.count(latency.samples()) + " transactions");
        Latency outbound = Latency.ofNanos(dueAt.keySet().stream()
                .flatMap(key -> platform.watcher().outboundMillis(key).stream())
                .mapToLong(millis -> millis * 1_000_000).toArray());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("targetRate", rate);
        json.put("achievedRate", Fmt.round(achieved));
        json.put("records", deliveries.size());
        json.put("complete", complete);
        json.put("latency", latency.json());
        json.put("outboundHop", outbound.json());
        report.put("latency", json);
        report.row("latency at " + Fmt.count(rate) + " tx/s, p50/p95/p99 (→ PointsEarned)",
                latency.summary() + (complete ? "" : " (INCOMPLETE)"), "p99 ≤ 250 ms",
                complete && latency.p99() <= TARGET_P99_MS);
        report.row("  of which PointsEarned published → read (outbound hop)", outbound.summary());
        Latency senderBehind = Latency.ofNanos(behind);
        json.put("senderBehindSchedule", senderBehind.json());
        report.row("  of which the bench's sender behind schedule", senderBehind.summary());
        if (participation != null) {
            AnalyticsLag.report("at " + Fmt.count(rate) + " tx/s", participation.join(), lastSent,
                    ANALYTICS_TARGET_SECONDS, dueAt.keySet(), platform, "analyticsAtFixedRate", report);
        }
        Latency raw = Baseline.atRate(platform.bootstrapServers(), deliveries, rate);
        json.put("rawKafkaAtSameRate", raw.json());
        report.row("raw Kafka at " + Fmt.count(rate) + " tx/s (one hop, due → read), p50/p95/p99", raw.summary());
        return latency;
    }
}

package io.patronage.bench.measure;

import io.patronage.bench.platform.Progress;
import io.patronage.bench.platform.Prometheus;
import io.patronage.contracts.Topics;
import io.patronage.harness.workload.Delivery;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends transactions to {@code retail.transactions.v1} as fast as the producer goes and measures until every
 * resulting PointsEarned is on {@code loyalty.points.v1} and a sample of balances reads the same over HTTP.
 * Along the way: the Mongo commands points-service sent (its {@code /prometheus} counter), the bytes its
 * database grew by, the CPU each process used, and, when analytics runs, how long after the last transaction
 * the participation view was current.
 */
public final class EarnRun {

    static final String MONGO_COMMANDS = "patronage_mongo_commands_total";
    static final String PROCESSED = "patronage_consumer_messages_processed_total";
    private static final Duration STALL = Duration.ofSeconds(90);
    private static final int BALANCE_SAMPLE = 200;
    private static final double TARGET_RATIO = 0.2;
    private static final double TARGET_COMMANDS_PER_1000 = 20;
    private static final double ANALYTICS_BURST_TARGET_SECONDS = 5;

    /**
     * @param complete every expected PointsEarned arrived
     * @param from     when the first record was sent, to find this run in a profile
     */
    public record Result(boolean complete, long records, double seconds, double perSecond, Latency latency,
                         Instant from, Instant to) {
    }

    private EarnRun() {
    }

    /** The unmeasured warm-up: the same path, so the JIT has compiled it before the clock runs. */
    public static void warmUp(Platform platform, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        Progress progress = new Progress("warmup");
        send(platform, deliveries, new HashMap<>(), progress);
        if (!awaitEarned(platform, progress)) {
            progress.print("warm-up incomplete, measuring anyway");
        }
    }

    public static Result run(Platform platform, List<Delivery> deliveries, Optional<Baseline.Result> baseline,
                             Optional<AnalyticsProbe> analytics, Report report) {
        Progress progress = new Progress("earn");
        Map<String, Double> commandsBefore = mongoCommands(platform);
        Optional<Long> dataBefore = DbStats.dataSize(platform.mongo(), platform.pointsDatabase());
        CpuUsage cpuBefore = CpuUsage.now(platform.services());
        Instant from = Instant.now();
        long start = System.nanoTime();

        Map<String, Long> sentAt = new HashMap<>();
        send(platform, deliveries, sentAt, progress);
        long lastSent = System.nanoTime();
        CompletableFuture<AnalyticsProbe.Outcome> participation = analytics
                .map(probe -> probe.watch(platform.expectations().snapshot(), platform.watcher(),
                        platform.expectations()::earning))
                .orElse(null);
        CompletableFuture<CpuUsage> cpuWhenCounted = participation == null ? null
                : participation.thenApply(outcome -> CpuUsage.now(platform.services()));

        boolean complete = awaitEarned(platform, progress);
        long pointsDone = System.nanoTime();
        Map<String, Double> commandsAfter = mongoCommands(platform);
        Optional<Long> dataAfter = DbStats.dataSize(platform.mongo(), platform.pointsDatabase());
        Map<String, Double> cores = CpuUsage.now(platform.services()).coresSince(cpuBefore);
        Instant to = Instant.now();

        BalanceSample.Outcome balances =
                BalanceSample.check(platform, lastMembers(platform, deliveries), Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        Latency latency = latencies(platform, sentAt);
        Result result = new Result(complete && balances.allMatch(), deliveries.size(), seconds,
                deliveries.size() / seconds, latency, from, to);
        progress.print(Fmt.count(deliveries.size()) + " records in " + Fmt.seconds(seconds) + ": "
                + Fmt.rate(result.perSecond()) + " tx/s end to end; balances sampled " + balances.matching() + "/"
                + balances.checked() + " equal");

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", deliveries.size());
        json.put("earningTransactions", sentAt.size());
        json.put("complete", complete);
        json.put("pointsEarnedSeconds", Fmt.round((pointsDone - start) / 1e9));
        json.put("producedSeconds", Fmt.round((lastSent - start) / 1e9));
        json.put("seconds", Fmt.round(seconds));
        json.put("transactionsPerSecond", Fmt.round(result.perSecond()));
        json.put("balanceSample", Map.of("checked", balances.checked(), "matching", balances.matching()));
        json.put("latencyFlatOut", latency.json());
        json.put("cpuCores", CpuUsage.json(cores));
        report.put("earn", json);
        report.row("earn end to end (→ PointsEarned + balances)", Fmt.rate(result.perSecond()) + " tx/s"
                + (result.complete() ? "" : " (INCOMPLETE)"));
        baseline.ifPresent(raw -> {
            double ratio = result.perSecond() / raw.perSecond();
            json.put("ratioToRawKafka", Fmt.round(ratio));
            report.row("earn / raw Kafka", Fmt.ratio(ratio), "≥ 0.2×", result.complete() && ratio >= TARGET_RATIO);
        });
        report.row("earn latency p50/p95/p99 (flat out, queueing)", latency.summary());
        report.row("CPU during earn run", CpuUsage.summary(cores));

        storage(deliveries, commandsBefore, commandsAfter, dataBefore, dataAfter, report);
        if (participation != null) {
            AnalyticsProbe.Outcome outcome = participation.join();
            AnalyticsLag.report("after the earn burst", outcome, lastSent, ANALYTICS_BURST_TARGET_SECONDS,
                    sentAt.keySet(), platform, "analyticsAfterBurst", report);
            AnalyticsLag.throughput(outcome, start, deliveries.size(), baseline, report);
            AnalyticsLag.cpu(cpuWhenCounted.join().secondsSince(cpuBefore, "analytics-service"), deliveries.size(),
                    report);
        }
        return result;
    }

    private static void send(Platform platform, List<Delivery> deliveries, Map<String, Long> sentAt,
                             Progress progress) {
        String topic = Topics.TRANSACTIONS.name();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            if (delivery.earns()) {
                sentAt.put(delivery.transactionKey(), System.nanoTime());
            }
            platform.producer().send(new ProducerRecord<>(topic, delivery.key(), delivery.value()));
            platform.expectations().sent(delivery);
            if (i % 1_000 == 0) {
                int sent = i;
                progress.tick(() -> "sent " + Fmt.count(sent) + "/" + Fmt.count(deliveries.size()) + " · "
                        + status(platform));
            }
        }
        platform.producer().flush();
    }

    static boolean awaitEarned(Platform platform, Progress progress) {
        return progress.await(() -> platform.watcher().earned() >= platform.expectations().earning(),
                platform.watcher()::earned, () -> status(platform), STALL, platform.services());
    }

    static String status(Platform platform) {
        Map<String, Double> processed =
                Prometheus.byLabel(platform.points().http().text("/prometheus"), PROCESSED, "group");
        return "PointsEarned " + Fmt.count(platform.watcher().earned()) + "/"
                + Fmt.count(platform.expectations().earning()) + " · points-service processed "
                + Fmt.count(Math.round(processed.getOrDefault("points-service.transactions", 0.0)));
    }

    static Latency latencies(Platform platform, Map<String, Long> sentAt) {
        List<Long> nanos = new ArrayList<>(sentAt.size());
        sentAt.forEach((key, sent) -> platform.watcher().seenAt(key).ifPresent(seen -> nanos.add(seen - sent)));
        return Latency.ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    /** The members of the last earning transactions: the likeliest to be behind. */
    private static List<String> lastMembers(Platform platform, List<Delivery> deliveries) {
        Set<String> members = new LinkedHashSet<>();
        for (int i = deliveries.size() - 1; i >= 0 && members.size() < BALANCE_SAMPLE; i--) {
            Delivery delivery = deliveries.get(i);
            if (delivery.earns()) {
                members.add(platform.memberByCard().get(delivery.cardNumber()));
            }
        }
        return List.copyOf(members);
    }

    private static Map<String, Double> mongoCommands(Platform platform) {
        return Prometheus.byLabel(platform.points().http().text("/prometheus"), MONGO_COMMANDS, "command");
    }

    private static void storage(List<Delivery> deliveries, Map<String, Double> before, Map<String, Double> after,
                                Optional<Long> dataBefore, Optional<Long> dataAfter, Report report) {
        long memberTransactions = deliveries.stream().filter(d -> d.member() && !d.duplicate()).count();
        Map<String, Long> byCommand = Prometheus.delta(before, after);
        long total = byCommand.values().stream().mapToLong(Long::longValue).sum();
        double perThousand = memberTransactions == 0 ? Double.NaN : total * 1000.0 / memberTransactions;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memberTransactions", memberTransactions);
        json.put("records", deliveries.size());
        json.put("mongoCommands", total);
        json.put("mongoCommandsByName", byCommand);
        json.put("mongoCommandsPer1000MemberTransactions", Fmt.round(perThousand));
        json.put("mongoCommandsPer1000Records", Fmt.round(total * 1000.0 / deliveries.size()));
        if (before.isEmpty() && after.isEmpty()) {
            report.note("points-service exposes no " + MONGO_COMMANDS + " on /prometheus: storage cost not measured");
        } else {
            report.row("Mongo commands per 1,000 member tx (hot path)", Fmt.rate(perThousand), "≤ 20",
                    perThousand <= TARGET_COMMANDS_PER_1000);
            StringBuilder names = new StringBuilder();
            byCommand.forEach((name, count) -> names.append(names.isEmpty() ? "" : " · ").append(name).append(' ')
                    .append(Fmt.rate(count * 1000.0 / memberTransactions)));
            report.row("  by command, per 1,000 member tx", names.toString());
        }
        if (dataBefore.isPresent() && dataAfter.isPresent()) {
            long bytes = dataAfter.get() - dataBefore.get();
            json.put("dataSizeBytesWritten", bytes);
            json.put("bytesPerMemberTransaction", Fmt.round(bytes / (double) memberTransactions));
            report.row("data written per member tx (dbStats dataSize Δ)",
                    Fmt.count(Math.round(bytes / (double) memberTransactions)) + " B");
        } else {
            json.put("dataSizeBytesWritten", null);
            report.note("bytes written not measured: the embedded store answers dbStats without a dataSize");
        }
        report.put("storage", json);
    }
}

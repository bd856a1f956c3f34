package io.patronage.bench.measure;

import io.patronage.bench.kafka.Clients;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.Progress;
import io.patronage.contracts.Topics;
import io.patronage.harness.workload.Delivery;
import io.patronage.infra.KafkaAdmin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongBiFunction;

/**
 * Raw Kafka on the same broker: the same serialized records, keys and producer settings as the earn run,
 * to a topic with as many partitions as {@code retail.transactions.v1}, consumed by a plain consumer.
 * What the platform is compared against.
 */
public final class Baseline {

    static final String TOPIC = "bench.raw-transactions.v1";
    /** A pass over 20,000 records lasts about a second: the median of three steadies the ratio. */
    private static final int PASSES = 3;
    private static final String INDEX = "bench.index";

    public record Result(long records, double seconds, double perSecond, Latency latency) {
    }

    private Baseline() {
    }

    public static Result run(String bootstrapServers, List<Delivery> warmup, List<Delivery> deliveries,
                             Report report) {
        KafkaAdmin.createTopics(bootstrapServers, Map.of(TOPIC, Topics.TRANSACTIONS.partitions()));
        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrapServers, "bench-baseline");
             KafkaConsumer<String, byte[]> consumer =
                     Clients.assignedConsumer(bootstrapServers, "bench-baseline", TOPIC)) {
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            if (!warmup.isEmpty()) {
                pass("baseline-warmup", producer, consumer, warmup);
            }
            List<Result> passes = new ArrayList<>();
            for (int i = 1; i <= PASSES; i++) {
                passes.add(pass("baseline " + i + "/" + PASSES, producer, consumer, deliveries));
            }
            Result result = passes.stream().sorted(Comparator.comparingDouble(Result::perSecond)).toList()
                    .get(PASSES / 2);
            report.row("raw Kafka produce→consume (same records, median of " + PASSES + ")",
                    Fmt.rate(result.perSecond()) + " tx/s");
            report.row("raw Kafka latency p50/p95/p99 (flat out)", result.latency().summary());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("topic", TOPIC);
            json.put("partitions", Topics.TRANSACTIONS.partitions());
            json.put("records", result.records());
            json.put("passesRecordsPerSecond", passes.stream().map(p -> Fmt.round(p.perSecond())).toList());
            json.put("seconds", Fmt.round(result.seconds()));
            json.put("recordsPerSecond", Fmt.round(result.perSecond()));
            json.put("latencyFlatOut", result.latency().json());
            report.put("baseline", json);
            return result;
        }
    }

    /**
     * The same records on the same broker at a fixed rate, timed like the platform's latency run: from the moment
     * each was due to the moment the plain consumer read it. One Kafka hop; the platform's path has two (the
     * transaction in, its PointsEarned out).
     */
    public static Latency atRate(String bootstrapServers, List<Delivery> deliveries, int rate) {
        KafkaAdmin.createTopics(bootstrapServers, Map.of(TOPIC, Topics.TRANSACTIONS.partitions()));
        Progress progress = new Progress("raw Kafka@" + rate);
        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrapServers, "bench-baseline-rate");
             KafkaConsumer<String, byte[]> consumer =
                     Clients.assignedConsumer(bootstrapServers, "bench-baseline-rate", TOPIC)) {
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            FixedRate schedule = FixedRate.startingNow(rate);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < deliveries.size(); i++) {
                    schedule.awaitDue(i);
                    Delivery delivery = deliveries.get(i);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, delivery.key(), delivery.value());
                    record.headers().add(INDEX, ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
                    producer.send(record);
                }
                producer.flush();
            });
            long[] latencies = consume(consumer, deliveries.size(), progress, (record, now) ->
                    now - schedule.due(ByteBuffer.wrap(record.headers().lastHeader(INDEX).value()).getInt()));
            sending.join();
            Latency latency = Latency.ofNanos(latencies);
            progress.print("p50/p95/p99 " + latency.summary());
            return latency;
        }
    }

    private static Result pass(String phase, KafkaProducer<String, byte[]> producer,
                               KafkaConsumer<String, byte[]> consumer, List<Delivery> deliveries) {
        Progress progress = new Progress(phase);
        long start = System.nanoTime();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (Delivery delivery : deliveries) {
                producer.send(new ProducerRecord<>(TOPIC, null, System.currentTimeMillis(), delivery.key(),
                        delivery.value()));
            }
            producer.flush();
        });
        // The record's timestamp is its send time, on the same clock as the consumer's.
        long[] latencies = consume(consumer, deliveries.size(), progress,
                (record, now) -> (System.currentTimeMillis() - record.timestamp()) * 1_000_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        sending.join();
        Result result = new Result(deliveries.size(), seconds, deliveries.size() / seconds, Latency.ofNanos(latencies));
        progress.print(Fmt.count(result.records()) + " records in " + Fmt.seconds(seconds) + ": "
                + Fmt.rate(result.perSecond()) + " records/s");
        return result;
    }

    /**
     * Reads {@code expected} records, timing each with {@code latency} (given the record and when its poll returned,
     * in {@link System#nanoTime}); fails after 60 s without any.
     */
    private static long[] consume(KafkaConsumer<String, byte[]> consumer, int expected, Progress progress,
                                  ToLongBiFunction<ConsumerRecord<String, byte[]>, Long> latency) {
        long[] latencies = new long[expected];
        int received = 0;
        long idleSince = System.nanoTime();
        while (received < expected) {
            var records = consumer.poll(Duration.ofMillis(100));
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (received < expected) {
                    latencies[received++] = latency.applyAsLong(record, now);
                }
            }
            if (!records.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince > Duration.ofSeconds(60).toNanos()) {
                throw new BenchFailure("raw Kafka: nothing consumed for 60 s, " + received + " of " + expected);
            }
            int consumed = received;
            progress.tick(() -> "consumed " + Fmt.count(consumed) + "/" + Fmt.count(expected));
        }
        return latencies;
    }
}

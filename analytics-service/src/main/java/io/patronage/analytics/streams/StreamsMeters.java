package io.patronage.analytics.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The Kafka Streams figures an operator watches, on {@code /prometheus}: consumer lag, throughput, commit and
 * punctuation latency, threads, dropped records, send errors, and per state store its keys and memtable bytes. Each
 * is added up (or its maximum taken) over the instance's threads, tasks and clients when scraped, so a replaced
 * thread or a moved task leaves no stale series.
 * <p>
 * Not Micrometer's {@code KafkaStreamsMetrics}: it binds every one of the client's metrics — thousands, per task,
 * processor, partition and topic — and binds them again whenever that set changes, which it does all through a
 * catch-up: 7% of the service's CPU after the bench's burst (bench/README.md), and thousands of series to scrape.
 */
final class StreamsMeters implements AutoCloseable {

    /** A Kafka metric as one meter: the sum, or the maximum, of the metrics of that group and name. */
    private record Figure(String meter, String group, String name, boolean maximum, String description) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("kafka.consumer.fetch.manager.records.lag.max", "consumer-fetch-manager-metrics",
                    "records-lag-max", true, "The most records any input partition is behind (the consumers' lag)"),
            new Figure("kafka.stream.thread.process.rate", "stream-thread-metrics", "process-rate", false,
                    "Records processed per second, all stream threads"),
            new Figure("kafka.stream.thread.process.total", "stream-thread-metrics", "process-total", false,
                    "Records processed, all stream threads"),
            new Figure("kafka.stream.thread.commit.latency.max", "stream-thread-metrics", "commit-latency-max", true,
                    "The longest commit of any stream thread, ms"),
            new Figure("kafka.stream.thread.punctuate.latency.max", "stream-thread-metrics", "punctuate-latency-max",
                    true, "The longest punctuation (view publication) of any stream thread, ms"),
            new Figure("kafka.stream.alive.stream.threads", "stream-metrics", "alive-stream-threads", false,
                    "Stream threads running"),
            new Figure("kafka.stream.failed.stream.threads", "stream-metrics", "failed-stream-threads", false,
                    "Stream threads that died since the start"),
            new Figure("kafka.stream.task.dropped.records.total", "stream-task-metrics", "dropped-records-total",
                    false, "Records dropped (not dead-lettered) by the topology"),
            new Figure("kafka.producer.record.error.total", "producer-metrics", "record-error-total", false,
                    "Records the producers failed to send"));
    private static final String STATE = "stream-state-metrics";
    private static final String STORE_TAG = "rocksdb-state-id";

    /** How long one read of the client's metrics serves: every gauge of a scrape reads it within that. */
    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final KafkaStreams streams;
    private final MeterRegistry meters;
    private final List<Meter> bound = new ArrayList<>();
    private Map<MetricName, ? extends Metric> snapshot;
    private long snapshotAt;

    private StreamsMeters(KafkaStreams streams, MeterRegistry meters) {
        this.streams = streams;
        this.meters = meters;
    }

    /** @param topology the running topology, whose stores get a keys and a memtable-bytes meter each */
    static StreamsMeters bind(KafkaStreams streams, TopologyDescription topology, MeterRegistry meters) {
        StreamsMeters bound = new StreamsMeters(streams, meters);
        for (Figure figure : FIGURES) {
            bound.gauge(Gauge.builder(figure.meter(), bound, m -> m.value(figure.maximum(),
                    name -> name.group().equals(figure.group()) && name.name().equals(figure.name())))
                    .description(figure.description()));
        }
        for (String store : stores(topology)) {
            bound.gauge(Gauge.builder("kafka.stream.state.estimate.num.keys", bound, m -> m.value(false,
                            name -> isState(name, "estimate-num-keys", store)))
                    .tag("rocksdb.state.id", store).description("Keys in the store (RocksDB's estimate), all tasks"));
            bound.gauge(Gauge.builder("kafka.stream.state.size.all.mem.tables", bound, m -> m.value(false,
                            name -> isState(name, "size-all-mem-tables", store)))
                    .tag("rocksdb.state.id", store).description("Bytes of the store's memtables, all tasks"));
        }
        return bound;
    }

    private void gauge(Gauge.Builder<StreamsMeters> builder) {
        bound.add(builder.register(meters));
    }

    /** The client's metrics, read once for the dozens of gauges of a scrape, not once per gauge. */
    private synchronized Map<MetricName, ? extends Metric> metrics() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAt > SNAPSHOT_NANOS) {
            snapshot = streams.metrics();
            snapshotAt = now;
        }
        return snapshot;
    }

    private static boolean isState(MetricName name, String metric, String store) {
        return name.group().equals(STATE) && name.name().equals(metric) && store.equals(name.tags().get(STORE_TAG));
    }

    /** The sum, or the maximum, of the matching metrics that have a value; 0 when none has. */
    private double value(boolean maximum, Predicate<MetricName> matching) {
        double result = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics().entrySet()) {
            if (matching.test(metric.getKey()) && metric.getValue().metricValue() instanceof Number number
                    && Double.isFinite(number.doubleValue())) {
                result = maximum ? Math.max(result, number.doubleValue()) : result + number.doubleValue();
            }
        }
        return result;
    }

    private static Set<String> stores(TopologyDescription topology) {
        Set<String> stores = new TreeSet<>();
        topology.subtopologies().forEach(subtopology -> subtopology.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Processor processor) {
                stores.addAll(processor.stores());
            }
        }));
        return stores;
    }

    @Override
    public void close() {
        bound.forEach(meters::remove);
        bound.clear();
    }
}

package io.patronage.bench.measure;

import io.patronage.bench.platform.Prometheus;
import io.patronage.bench.platform.ServiceUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The size of analytics-service's Kafka Streams state after a run, per member: its RocksDB files on disk plus what
 * its stores still hold in memtables (Kafka Streams' RocksDB metrics, which also give the number of keys).
 */
public final class AnalyticsState {

    private static final String MEMTABLES = "kafka_stream_state_size_all_mem_tables";
    private static final String KEYS = "kafka_stream_state_estimate_num_keys";

    private AnalyticsState() {
    }

    public static void report(ServiceUnderTest analytics, Path stateDir, int members, int records, Report report) {
        long onDisk = sizeOf(stateDir);
        String exposition = analytics.http().text("/prometheus");
        Map<String, Double> memtables = Prometheus.byLabel(exposition, MEMTABLES, "rocksdb_state_id");
        Map<String, Double> keys = Prometheus.byLabel(exposition, KEYS, "rocksdb_state_id");
        long inMemory = Math.round(memtables.values().stream().mapToDouble(Double::doubleValue).sum());
        long total = onDisk + inMemory;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bytesOnDisk", onDisk);
        json.put("bytesInMemtables", inMemory);
        json.put("keysByStore", keys);
        json.put("bytesPerMember", members == 0 ? null : total / members);
        json.put("bytesPerRecord", records == 0 ? null : total / records);
        report.put("analyticsState", json);
        report.row("analytics state (RocksDB) after the earn run",
                Fmt.bytes(total) + " · " + Fmt.count(members == 0 ? 0 : total / members) + " B per member, "
                        + Fmt.count(records == 0 ? 0 : total / records) + " B per record");
    }

    private static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(AnalyticsState::sizeOfFile).sum();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 3) { // RocksDB deletes files while it compacts: a walk can meet a vanished directory
                    throw new IllegalStateException("cannot measure " + dir, e);
                }
            }
        }
    }

    private static long sizeOfFile(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // RocksDB deletes files while it compacts
        }
    }
}

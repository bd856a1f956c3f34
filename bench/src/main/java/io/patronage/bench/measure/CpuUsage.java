package io.patronage.bench.measure;

import io.patronage.bench.platform.ServiceUnderTest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** CPU time used by each process of the platform, to see which one a phase was bound by. */
final class CpuUsage {

    static final String BENCH = "bench (Kafka broker, Mongo server, load clients)";

    private final Map<String, Long> nanosByProcess;
    private final long at = System.nanoTime();

    private CpuUsage(Map<String, Long> nanosByProcess) {
        this.nanosByProcess = nanosByProcess;
    }

    static CpuUsage now(List<ServiceUnderTest> services) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        services.forEach(service -> nanos.put(service.name(), service.cpuTime().map(Duration::toNanos).orElse(-1L)));
        nanos.put(BENCH, ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L));
        return new CpuUsage(nanos);
    }

    /** Cores used on average by each process between {@code earlier} and this snapshot. */
    Map<String, Double> coresSince(CpuUsage earlier) {
        double wall = at - earlier.at;
        Map<String, Double> cores = new LinkedHashMap<>();
        nanosByProcess.forEach((process, nanos) -> {
            Long before = earlier.nanosByProcess.get(process);
            if (before != null && before >= 0 && nanos >= 0) {
                cores.put(process, (nanos - before) / wall);
            }
        });
        return cores;
    }

    /** CPU seconds {@code process} used between {@code earlier} and this snapshot; empty when not measured. */
    Optional<Double> secondsSince(CpuUsage earlier, String process) {
        Long before = earlier.nanosByProcess.get(process);
        Long now = nanosByProcess.get(process);
        return before == null || now == null || before < 0 || now < 0
                ? Optional.empty() : Optional.of((now - before) / 1e9);
    }

    static String summary(Map<String, Double> cores) {
        StringBuilder summary = new StringBuilder();
        cores.forEach((process, used) -> summary.append(summary.isEmpty() ? "" : " · ")
                .append(process.startsWith("bench") ? "bench+infra" : process)
                .append(' ').append(String.format(Locale.ROOT, "%.2f", used)));
        return summary + " cores";
    }

    static Map<String, Object> json(Map<String, Double> cores) {
        Map<String, Object> json = new LinkedHashMap<>();
        cores.forEach((process, used) -> json.put(process, Fmt.round(used)));
        return json;
    }
}

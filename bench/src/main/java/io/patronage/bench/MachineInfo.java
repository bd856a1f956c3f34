package io.patronage.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the numbers were measured on. */
final class MachineInfo {

    private MachineInfo() {
    }

    static Map<String, Object> collect() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memoryBytes", memory());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("loadAverageAtStart", Math.round(loadAverage() * 100) / 100.0);
        return machine;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String describe(Map<String, Object> machine) {
        long memory = ((Number) machine.get("memoryBytes")).longValue();
        return String.format(Locale.ROOT, "%s cores (%s), %.1f GiB, %s, %s, load average %.2f at start",
                machine.get("cores"), machine.get("cpu"), memory / (1024.0 * 1024 * 1024), machine.get("jdk"),
                machine.get("os"), ((Number) machine.get("loadAverageAtStart")).doubleValue());
    }

    private static long memory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}

package io.patronage.launcher;

import io.patronage.harness.Ports;
import io.patronage.harness.Service;
import io.patronage.harness.ServiceJars;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Platform} starts.
 *
 * @param dataDir           Kafka's log ({@code dataDir/kafka}) and MongoDB's file ({@code dataDir/mongo})
 * @param kafkaPort         0 for a free port
 * @param mongoPort         0 for a free port
 * @param readinessTimeout  how long the services together may take to become ready
 * @param simulatedClock    every service on a simulated clock ({@code PATRONAGE_CLOCK_SIMULATED=true}) that
 *                          {@code POST /admin/clock} moves forward
 */
public record PlatformConfig(Path dataDir,
                             int kafkaPort,
                             int mongoPort,
                             Map<Service, Integer> servicePorts,
                             ServiceJars jars,
                             Duration readinessTimeout,
                             boolean simulatedClock) {

    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(90);

    public PlatformConfig {
        servicePorts = Map.copyOf(servicePorts);
    }

    public PlatformConfig(Path dataDir, int kafkaPort, int mongoPort, Map<Service, Integer> servicePorts,
                          ServiceJars jars, Duration readinessTimeout) {
        this(dataDir, kafkaPort, mongoPort, servicePorts, jars, readinessTimeout, false);
    }

    /** The same platform on a simulated clock. */
    public PlatformConfig withSimulatedClock() {
        return new PlatformConfig(dataDir, kafkaPort, mongoPort, servicePorts, jars, readinessTimeout, true);
    }

    /** Everything on ports that are free now, e.g. for a test next to a running platform. */
    public static PlatformConfig onFreePorts(Path dataDir, ServiceJars jars, Duration readinessTimeout) {
        List<Integer> ports = Ports.free(Service.values().length);
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            servicePorts.put(service, ports.get(service.ordinal()));
        }
        return new PlatformConfig(dataDir, 0, 0, servicePorts, jars, readinessTimeout);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }
}

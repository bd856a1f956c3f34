package io.patronage.bench;

import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.ServiceUnderTest;
import io.patronage.harness.Ports;
import io.patronage.harness.Service;
import io.patronage.harness.ServiceJars;
import io.patronage.harness.ServiceProcess;
import io.patronage.infra.Infrastructure;
import io.patronage.infra.LocalTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Spawns the services under test from the jars the build produced, each in its own JVM. */
final class ServiceLauncher {

    private final ServiceJars jars;
    private final Path workDir;
    private final Path logDir;
    private final String heap;
    private final Optional<Profiling> profiling;
    private final Ports ports = new Ports();

    /**
     * @param workDir where the jars are copied to, so that a rebuild of a module during the run cannot pull
     *                classes from under its running service
     * @param logDir  where each service's output goes, {@code <service>.log}
     */
    ServiceLauncher(ServiceJars jars, Path workDir, Path logDir, String heap, Optional<Profiling> profiling) {
        this.jars = jars;
        this.workDir = workDir;
        this.logDir = logDir;
        this.heap = heap;
        this.profiling = profiling;
    }

    /** The key the services trust, to sign the bench's own tokens (a member's, for instance). */
    LocalTokens tokens() {
        return LocalTokens.in(workDir.resolve("security"));
    }

    /** Where an instance keeps its local state (analytics-service's RocksDB stores). */
    Path stateDir(String instance) {
        return workDir.resolve("state").resolve(instance).toAbsolutePath();
    }

    /** The jars of {@code services} in the checkout, or a failure at once, before anything starts. */
    static ServiceJars requireJars(Path root, Set<Service> services) {
        try {
            return ServiceJars.find(List.of(root), services);
        } catch (ServiceJars.MissingServiceJarsException e) {
            throw new BenchFailure(e.getMessage());
        }
    }

    ServiceUnderTest start(Service service, Infrastructure infra, String database, boolean profiled) {
        return start(service, service.artifact(), infra, database, profiled);
    }

    /**
     * @param instance names the process, its log and its publication checkpoint: starting an instance again (after
     *                 a kill) is a restart of that instance, as a Kubernetes pod restarts its container
     */
    ServiceUnderTest start(Service service, String instance, Infrastructure infra, String database, boolean profiled) {
        try {
            Files.createDirectories(logDir);
            Path copy = jar(service, instance);
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
            if (profiled) {
                profiling.ifPresent(p -> jvm.addAll(p.jvmOptions(instance)));
            }
            int port = ports.next();
            Map<String, String> env = environment(instance, infra, database, port);
            Path log = logDir.resolve(instance + ".log");
            String token = tokens().mint("patronage-bench", List.of("admin", "ops", "pos", "analyst"), List.of("*"),
                    Duration.ofDays(1));
            return new ServiceUnderTest(ServiceProcess.start(service, instance, copy, jvm, env,
                    ServiceProcess.Output.logTo(log)), log, port, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.artifact(), e);
        }
    }

    /**
     * Runs {@code java -jar <instance's jar> <command>} (e.g. analytics-service's {@code reset}) with the instance's
     * configuration and waits for it; its output goes to the instance's log.
     */
    void run(Service service, String instance, Infrastructure infra, String database, String command) {
        Path log = logDir.resolve(instance + ".log");
        try {
            Path copy = jar(service, instance);
            ProcessBuilder builder = new ProcessBuilder(ServiceProcess.javaExecutable(), "-jar", copy.toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment(instance, infra, database, 0));
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new BenchFailure(service.artifact() + " " + command + " exited with code " + exit
                        + "; its log: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + service.artifact() + " " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    /** The instance's copy of the service's jar, made on first use. */
    private Path jar(Service service, String instance) throws IOException {
        Path copy = workDir.resolve(instance + ".jar");
        if (!Files.exists(copy)) {
            Files.copy(jars.jar(service), copy);
        }
        return copy;
    }

    private Map<String, String> environment(String instance, Infrastructure infra, String database, int port) {
        return Map.of(
                // where analytics-service keeps its RocksDB stores, so that the bench can measure them
                "PATRONAGE_ANALYTICS_STATE_DIR", stateDir(instance).toString(),
                "PATRONAGE_SECURITY_PUBLIC_KEY_FILE", tokens().publicKeyFile().toAbsolutePath().toString(),
                // the bench measures throughput, not the per-client limit of the public API
                "PATRONAGE_HTTP_RATE_LIMIT_PER_SECOND", "1000000",
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "MONGODB_URI", infra.mongoUri(),
                "PATRONAGE_MONGO_DATABASE", database,
                "PATRONAGE_INSTANCE_ID", instance,
                // as the launcher runs it on the embedded store (see points-service README)
                "PATRONAGE_POINTS_SNAPSHOT_EVERY", "0",
                "MICRONAUT_SERVER_PORT", Integer.toString(port));
    }
}

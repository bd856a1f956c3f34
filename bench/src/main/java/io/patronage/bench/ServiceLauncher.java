package io.patronage.bench;

import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.ServiceProcess;
import io.patronage.infra.Infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Spawns the services under test from the jars the build produced, each in its own JVM. */
final class ServiceLauncher {

    private final Path root;
    private final Path workDir;
    private final Path logDir;
    private final String heap;
    private final Optional<Profiling> profiling;
    private final Set<Integer> portsGiven = new HashSet<>();

    /**
     * @param workDir where the jars are copied to, so that a rebuild of a module during the run cannot pull
     *                classes from under its running service
     * @param logDir  where each service's output goes, {@code <service>.log}
     */
    ServiceLauncher(Path root, Path workDir, Path logDir, String heap, Optional<Profiling> profiling) {
        this.root = root;
        this.workDir = workDir;
        this.logDir = logDir;
        this.heap = heap;
        this.profiling = profiling;
    }

    /** Fails at once, before anything starts, when a service's jar has not been built. */
    static void requireJar(Path root, String service) {
        Path jar = jar(root, service);
        if (!Files.isRegularFile(jar)) {
            throw new BenchFailure(service + " jar not found at " + jar + ": run ./mvnw -DskipTests package first");
        }
    }

    ServiceProcess start(String service, Infrastructure infra, String database, boolean profiled) {
        return start(service, service, infra, database, profiled);
    }

    /**
     * @param instance names the process, its log and its publication checkpoint: starting an instance again (after
     *                 a kill) is a restart of that instance, as a Kubernetes pod restarts its container
     */
    ServiceProcess start(String service, String instance, Infrastructure infra, String database, boolean profiled) {
        try {
            Files.createDirectories(logDir);
            Path copy = workDir.resolve(instance + ".jar");
            if (!Files.exists(copy)) {
                Files.copy(jar(root, service), copy);
            }
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
            if (profiled) {
                profiling.ifPresent(p -> jvm.addAll(p.jvmOptions(service)));
            }
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                    "MONGODB_URI", infra.mongoUri(),
                    "PATRONAGE_MONGO_DATABASE", database,
                    "PATRONAGE_INSTANCE_ID", instance,
                    // as the launcher runs it on the embedded store (see points-service README)
                    "PATRONAGE_POINTS_SNAPSHOT_EVERY", "0");
            return ServiceProcess.start(instance, copy, freePort(), jvm, env, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private static Path jar(Path root, String service) {
        return root.resolve(service).resolve("target").resolve(service + ".jar");
    }

    /**
     * A port free now and not handed to another service of this run: two services started a moment apart could
     * otherwise be given the same one before the first has bound it (the second then fails to start, and the first
     * answers the second's readiness checks).
     */
    private synchronized int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (portsGiven.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
    }
}

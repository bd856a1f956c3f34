package io.patronage.launcher;

import io.patronage.harness.Ports;
import io.patronage.harness.Service;
import io.patronage.harness.ServiceProcess;
import io.patronage.infra.Infrastructure;
import io.patronage.infra.LocalTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Embedded Kafka and MongoDB in this JVM plus the four services, each in its own JVM: what the launcher
 * runs and what the end-to-end test starts. {@link #close()} may be called from another thread (a shutdown
 * hook) at any time, also while {@link #start()} is still running.
 */
public final class Platform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(30);
    private static final long POLL_MILLIS = 250;
    private static final int CRASH_OUTPUT_LINES = 10;
    /**
     * C1 only: four services and a broker starting at once on a small machine start about a quarter faster
     * without C2 compiling in the background (measured on 2 cores), at the cost of peak speed, which a local
     * platform does not need and bench/ measures with its own settings. The output is read as UTF-8, so it is
     * written as UTF-8 whatever the machine's locale (file.encoding on Java 17, stdout.encoding from 19 on).
     */
    /** With {@code --simulated-clock}: every service takes time from a clock that {@code POST /admin/clock} moves. */
    static final String SIMULATED_CLOCK = "PATRONAGE_CLOCK_SIMULATED";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8");
    /** 128 + SIGINT: the exit code of a JVM stopped by Ctrl-C. */
    private static final int SIGINT_EXIT = 130;

    private final PlatformConfig config;
    private final PrintStream out;
    private final ReadinessProbe readiness = new ReadinessProbe();
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, RestartPolicy> restartPolicies = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "patronage-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private Infrastructure infrastructure;
    private Map<Service, Path> jars;
    private String masterKey;
    private LocalTokens tokens;
    private String launcherToken;
    private long launcherTokenAt;
    private boolean closed;

    public Platform(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Starts a platform and waits until every service is ready; on failure stops what it started. */
    public static Platform start(PlatformConfig config, PrintStream out) throws PlatformStartException {
        Platform platform = new Platform(config, out);
        try {
            platform.start();
            return platform;
        } catch (PlatformStartException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Starts Kafka and MongoDB, then the services, and returns once all of them answer ready. */
    public void start() throws PlatformStartException {
        long startedAt = System.nanoTime();
        requirePortsFree();
        Infrastructure infra = startInfrastructure();
        out.println("Kafka bootstrap servers: " + infra.kafkaBootstrapServers());
        out.println("MongoDB URI:             " + infra.mongoUri());
        out.println("Data directory:          " + config.dataDir().toAbsolutePath().normalize());
        masterKey = EnrollmentMasterKey.loadOrCreate(config.dataDir(), out);
        tokens = TokenCommand.keys(config.dataDir());
        jars = stageJars();
        for (Service service : Service.values()) {
            spawn(service);
        }
        Map<Service, Long> readyAfter = awaitReady(startedAt);
        new DemoChainSeeds(url(Service.ENROLLMENT), launcherToken()).seed(out);
        // Before this, a service that dies fails the start with its output.
        snapshot().forEach(this::supervise);
        printServices(infra, readyAfter);
        out.println("Tokens for the API: java -jar launcher/target/patronage-launcher.jar token --role ops --chain "
                + "aegean-market-gr" + (config.dataDir().equals(Path.of("data")) ? "" : " --data-dir " + config.dataDir()));
        out.println("Patronage is ready in " + Console.seconds(System.nanoTime() - startedAt) + " s");
    }

    private void requirePortsFree() throws PlatformStartException {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(config.kafkaPort(), "Kafka");
        wanted.put(config.mongoPort(), "MongoDB");
        for (Service service : Service.values()) {
            wanted.put(config.port(service), service.artifact());
        }
        String busy = wanted.entrySet().stream()
                .filter(entry -> entry.getKey() != 0 && !Ports.isFree(entry.getKey()))
                .map(entry -> "port " + entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
        if (!busy.isEmpty()) {
            throw new PlatformStartException("Already in use: " + busy + ". Is Patronage already running? "
                    + "Stop it, or choose other ports (--kafka-port, --mongo-port, --port-base).");
        }
    }

    private Infrastructure startInfrastructure() throws PlatformStartException {
        Infrastructure infra;
        try {
            infra = Infrastructure.embedded(config.dataDir(), config.kafkaPort(), config.mongoPort());
        } catch (RuntimeException e) {
            throw new PlatformStartException("Could not start the embedded Kafka and MongoDB in "
                    + config.dataDir().toAbsolutePath().normalize() + ": " + rootCause(e)
                    + " (is another Patronage using this data directory?)", e);
        }
        synchronized (this) {
            if (!closed) {
                infrastructure = infra;
                return infra;
            }
        }
        infra.close();
        throw new PlatformStartException("Stopped while starting");
    }

    /**
     * Copies the service jars into the data directory and runs the copies: a JVM reads its jar lazily, so a
     * {@code mvn package} that rewrites {@code target/*.jar} while the platform runs would break the services.
     */
    private Map<Service, Path> stageJars() throws PlatformStartException {
        Path directory = stagedJarsDirectory();
        Map<Service, Path> staged = new EnumMap<>(Service.class);
        try {
            Files.createDirectories(directory);
            for (Service service : Service.values()) {
                Path copy = directory.resolve(service.artifact() + ".jar");
                Files.copy(config.jars().jar(service), copy, StandardCopyOption.REPLACE_EXISTING);
                staged.put(service, copy);
            }
        } catch (IOException e) {
            throw new PlatformStartException("Could not copy the service jars to " + directory + ": " + e, e);
        }
        return staged;
    }

    /**
     * Earning programs of the demo chains that the default (1 point per whole currency unit) does not
     * suit, e.g. 1 point per 10,000 rials; points-service seeds them once and keeps versions it has.
     */
    private Path demoPrograms() throws PlatformStartException {
        Path file = config.dataDir().resolve("demo-programs.json");
        try (InputStream programs = Platform.class.getResourceAsStream("/demo-programs.json")) {
            Files.createDirectories(config.dataDir());
            Files.copy(programs, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new PlatformStartException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A token for the launcher itself (the demo, the tests): every role on every chain. Valid for an hour; the same
     * one is given for half of that, so a caller asking per request does not sign per request.
     */
    public synchronized String launcherToken() {
        long now = System.nanoTime();
        if (launcherToken == null || now - launcherTokenAt > TOKEN_REUSE.toNanos()) {
            launcherToken = TokenCommand.launcherToken(tokens);
            launcherTokenAt = now;
        }
        return launcherToken;
    }

    private Path stagedJarsDirectory() {
        return config.dataDir().resolve("service-jars");
    }

    private Map<String, String> environment(Service service) throws PlatformStartException {
        return environment(service, service.artifact(), config.port(service));
    }

    /**
     * @param instance names the instance's publication checkpoint: a restarted service keeps its name, so it publishes
     *                 at once what its crashed run left unpublished
     */
    private Map<String, String> environment(Service service, String instance, int port) throws PlatformStartException {
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers(),
                "MONGODB_URI", mongoUri(),
                "MICRONAUT_SERVER_PORT", Integer.toString(port),
                "PATRONAGE_INSTANCE_ID", instance,
                // Without an SMTP server enrollment writes its emails as files: keep them with the other data.
                "PATRONAGE_MAIL_MAILBOX_DIR", config.dataDir().resolve("mailbox").toAbsolutePath().toString(),
                "PATRONAGE_POINTS_PROGRAMS_FILE", demoPrograms().toAbsolutePath().toString(),
                // The embedded store cannot index the aggregate identifier: a snapshot would scan the whole event
                // log (blocking appends meanwhile) and a load scans it with or without one.
                "PATRONAGE_POINTS_SNAPSHOT_EVERY", "0"));
        // The services trust tokens signed by the launcher's local key (TokenCommand).
        environment.put("PATRONAGE_SECURITY_PUBLIC_KEY_FILE", tokens.publicKeyFile().toAbsolutePath().toString());
        if (service == Service.ENROLLMENT) {
            environment.put("PATRONAGE_ENROLLMENT_MASTER_KEY", masterKey);
        }
        if (service == Service.ANALYTICS) {
            // Kafka Streams' stores belong with the broker's data they were built from, not in the shared tmp dir
            environment.put("PATRONAGE_ANALYTICS_STATE_DIR",
                    config.dataDir().resolve("analytics-state").toAbsolutePath().toString());
        }
        if (config.simulatedClock()) {
            environment.put(SIMULATED_CLOCK, "true");
        }
        return environment;
    }

    private ServiceProcess start(Service service, Map<String, String> environment) throws IOException {
        return ServiceProcess.start(service, service.artifact(), jars.get(service), JVM_OPTIONS, environment,
                ServiceProcess.Output.streamTo(out, Console.prefix(service.label())));
    }

    private ServiceProcess spawn(Service service) throws PlatformStartException {
        ServiceProcess process;
        try {
            process = start(service, environment(service));
        } catch (IOException e) {
            throw new PlatformStartException("Could not start " + service.artifact() + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            if (!closed) {
                services.put(service, process);
                return process;
            }
        }
        process.requestStop();
        process.awaitStop(STOP_GRACE);
        throw new PlatformStartException("Stopped while starting");
    }

    /**
     * Starts one more instance of a service on {@code port}, in the same consumer groups and database as the first:
     * what a Kubernetes scale-out does. Not supervised; stopped with the platform. Returns once it is ready.
     */
    ServiceProcess startAnotherInstance(Service service, String instance, int port)
            throws PlatformStartException {
        ServiceProcess process;
        try {
            process = start(service, environment(service, instance, port));
        } catch (IOException e) {
            throw new PlatformStartException("Could not start " + instance + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            extraInstances.add(process);
        }
        URI url = URI.create("http://localhost:" + port);
        long deadline = System.nanoTime() + config.readinessTimeout().toNanos();
        while (!readiness.ask(url).ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new PlatformStartException(instance + " did not become ready on " + url + ":"
                        + System.lineSeparator() + process.lastOutput());
            }
            pause();
        }
        return process;
    }

    /** Restarts the service whenever it exits without having been asked to, as {@link RestartPolicy} says. */
    private void supervise(ServiceProcess process) {
        process.onUnexpectedExit(exitCode -> crashed(process, exitCode));
    }

    private void crashed(ServiceProcess process, int exitCode) {
        Service service = process.service();
        String name = service.artifact();
        // Ctrl-C reaches the services as well as the launcher; the launcher's own shutdown follows.
        if (isClosed() || exitCode == SIGINT_EXIT) {
            return;
        }
        RestartPolicy policy;
        synchronized (this) {
            policy = restartPolicies.computeIfAbsent(service, s -> new RestartPolicy());
        }
        Optional<Duration> delay = policy.afterCrash(process.uptime());
        String crash = name + " exited unexpectedly with " + ServiceProcess.describeExit(exitCode) + " after "
                + Console.seconds(process.uptime().toNanos()) + " s. Its last output:" + System.lineSeparator()
                + process.lastOutput(CRASH_OUTPUT_LINES) + System.lineSeparator();
        if (delay.isEmpty()) {
            out.println(crash + name + " crashed " + policy.crashesInARow() + " times in a row without running "
                    + RestartPolicy.HEALTHY_RUN.toSeconds() + " s in between: NOT restarting it again. The other "
                    + "services keep running; fix the cause and restart the launcher.");
            return;
        }
        out.println(crash + "Restarting " + name + " in " + delay.get().toSeconds() + " s (crash "
                + policy.crashesInARow() + " in a row; the launcher gives up at " + RestartPolicy.MAX_CRASHES_IN_A_ROW + ").");
        try {
            supervisor.schedule(() -> restart(service), delay.get().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing meanwhile.
        }
    }

    private void restart(Service service) {
        if (isClosed()) {
            return;
        }
        ServiceProcess process;
        try {
            process = spawn(service);
        } catch (PlatformStartException e) {
            if (!isClosed()) {
                out.println("Could not restart " + service.artifact() + ": " + e.getMessage());
            }
            return;
        }
        supervise(process);
        out.println("Restarted " + service.artifact() + " (pid " + process.handle().pid() + ")");
        awaitReadyAgain(process, System.nanoTime());
    }

    /** Polls the restarted service's readiness on the supervisor thread and says when it is back. */
    private void awaitReadyAgain(ServiceProcess process, long restartedAt) {
        if (isClosed() || !process.isAlive()) {
            return; // a crash is reported by its own exit
        }
        String name = process.service().artifact();
        if (readiness.ask(url(process.service())).ready()) {
            out.println(name + " is back: ready on " + url(process.service()) + " again after "
                    + Console.seconds(System.nanoTime() - restartedAt) + " s");
            return;
        }
        if (System.nanoTime() - restartedAt > config.readinessTimeout().toNanos()) {
            out.println(name + " was restarted but is not ready after " + config.readinessTimeout().toSeconds()
                    + " s; its readiness: " + readiness.ask(url(process.service())).detail());
            return;
        }
        try {
            supervisor.schedule(() -> awaitReadyAgain(process, restartedAt), POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing meanwhile.
        }
    }

    private Map<Service, Long> awaitReady(long startedAt) throws PlatformStartException {
        long deadline = System.nanoTime() + config.readinessTimeout().toNanos();
        Map<Service, Long> readyAfter = new EnumMap<>(Service.class);
        Map<ServiceProcess, ReadinessProbe.Answer> pending = new LinkedHashMap<>();
        snapshot().forEach(process -> pending.put(process, new ReadinessProbe.Answer(false, "not asked yet")));
        while (!pending.isEmpty()) {
            for (ServiceProcess process : List.copyOf(pending.keySet())) {
                if (!process.isAlive()) {
                    throw new PlatformStartException(process.service().artifact() + " exited with "
                            + ServiceProcess.describeExit(process.exitValue()) + " before it was ready. Its last output:"
                            + System.lineSeparator() + process.lastOutput());
                }
                ReadinessProbe.Answer answer = readiness.ask(url(process.service()));
                if (answer.ready()) {
                    readyAfter.put(process.service(), System.nanoTime() - startedAt);
                    pending.remove(process);
                } else {
                    pending.put(process, answer);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (isClosed()) {
                throw new PlatformStartException("Stopped before the services were ready");
            }
            if (System.nanoTime() > deadline) {
                throw notReady(pending);
            }
            pause();
        }
        return readyAfter;
    }

    private PlatformStartException notReady(Map<ServiceProcess, ReadinessProbe.Answer> pending) {
        StringBuilder message = new StringBuilder("Not ready after " + config.readinessTimeout().toSeconds() + " s: "
                + pending.keySet().stream().map(process -> process.service().artifact()).collect(Collectors.joining(", ")));
        pending.forEach((process, answer) -> message.append(System.lineSeparator())
                .append(process.service().artifact()).append(" readiness: ").append(answer.detail())
                .append(System.lineSeparator()).append("Last output of ").append(process.service().artifact()).append(':')
                .append(System.lineSeparator()).append(process.lastOutput()));
        return new PlatformStartException(message.toString());
    }

    private void printServices(Infrastructure infra, Map<Service, Long> readyAfter) {
        out.println();
        for (Service service : Service.values()) {
            out.printf("  %-19s %-24s ready after %s s%n",
                    service.artifact(), url(service), Console.seconds(readyAfter.get(service)));
        }
        out.printf("  %-19s %s  (POS transactions go to retail.transactions.v1)%n", "Kafka", infra.kafkaBootstrapServers());
        out.printf("  %-19s %s%n", "MongoDB", infra.mongoUri());
        out.println();
    }

    public URI url(Service service) {
        return URI.create("http://localhost:" + config.port(service));
    }

    /** The running process of a service, e.g. for a test to kill it. */
    synchronized ProcessHandle process(Service service) {
        return services.get(service).handle();
    }

    public synchronized String kafkaBootstrapServers() {
        return requireInfrastructure().kafkaBootstrapServers();
    }

    public synchronized String mongoUri() {
        return requireInfrastructure().mongoUri();
    }

    /** The last output lines of every service, for a test's failure message. */
    public String lastOutput() {
        return snapshot().stream()
                .map(process -> "Last output of " + process.service().artifact() + ":" + System.lineSeparator()
                        + process.lastOutput())
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private Infrastructure requireInfrastructure() {
        if (infrastructure == null) {
            throw new IllegalStateException("the platform is not started");
        }
        return infrastructure;
    }

    /** Stops the services (SIGTERM, then a kill after 15 s), then Kafka and MongoDB. Closing twice does nothing. */
    @Override
    public void close() {
        List<ServiceProcess> running;
        Infrastructure infra;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(services.values());
            running.addAll(extraInstances);
            infra = infrastructure;
        }
        supervisor.shutdownNow();
        running.forEach(ServiceProcess::requestStop);
        running.forEach(process -> process.awaitStop(STOP_GRACE));
        deleteStagedJars();
        if (infra != null) {
            try {
                infra.close();
            } catch (RuntimeException e) {
                out.println("Could not stop Kafka and MongoDB cleanly: " + rootCause(e));
            }
        }
    }

    private void deleteStagedJars() {
        Path directory = stagedJarsDirectory();
        try {
            for (Service service : Service.values()) {
                Files.deleteIfExists(directory.resolve(service.artifact() + ".jar"));
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            out.println("Could not delete the copies of the service jars in " + directory + ": " + e);
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized List<ServiceProcess> snapshot() {
        return List.copyOf(services.values());
    }

    private static void pause() throws PlatformStartException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException("Interrupted while waiting for the services", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }
}

package io.patronage.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A service spawned from its runnable jar in its own JVM, as in production; its output goes to a log file. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Http http;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.http = new Http("http://localhost:" + port);
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx1g}, a flight recording
     * @param env        the service's configuration (ports, Kafka, Mongo)
     */
    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions,
                                       Map<String, String> env, Path logDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), log);
    }

    /** Waits until {@code /health/readiness} answers 200; fails early if the JVM exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            checkAlive();
            if (http.status("/health/readiness") == 200) {
                return;
            }
            sleep(250);
        }
        throw new BenchFailure(name + " not ready after " + timeout.toSeconds() + " s; its log: " + log);
    }

    public void checkAlive() {
        if (!process.isAlive()) {
            throw new BenchFailure(name + " exited with code " + process.exitValue() + "; last lines of " + log
                    + ":\n" + tail(20));
        }
    }

    public String name() {
        return name;
    }

    public Http http() {
        return http;
    }

    public Path log() {
        return log;
    }

    /** CPU time the process has used so far, user and system. */
    public Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code kill -9}: the JVM gets no chance to flush, commit or say goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a graceful shutdown (SIGTERM, so a flight recording is dumped), kills after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}

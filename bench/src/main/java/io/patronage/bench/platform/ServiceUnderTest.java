package io.patronage.bench.platform;

import io.patronage.harness.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A service the bench measures: its JVM, whose output goes to a log file, and its HTTP API. */
public final class ServiceUnderTest implements AutoCloseable {

    private final ServiceProcess process;
    private final Path log;
    private final Http http;

    /** @param token what the bench calls the service's API with */
    public ServiceUnderTest(ServiceProcess process, Path log, int port, String token) {
        this.process = process;
        this.log = log;
        this.http = new Http("http://localhost:" + port, token);
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
        throw new BenchFailure(name() + " not ready after " + timeout.toSeconds() + " s; its log: " + log);
    }

    public void checkAlive() {
        if (!process.isAlive()) {
            throw new BenchFailure(name() + " exited with code " + process.exitValue() + "; last lines of " + log
                    + ":\n" + tail(20));
        }
    }

    public String name() {
        return process.name();
    }

    public Http http() {
        return http;
    }

    public Path log() {
        return log;
    }

    /** CPU time the process has used so far, user and system. */
    public Optional<Duration> cpuTime() {
        return process.cpuTime();
    }

    public String tail(int lines) {
        return String.join("\n", process.lastLines(lines));
    }

    /** {@code kill -9}: the JVM gets no chance to flush, commit or say goodbye. */
    public void kill() {
        process.kill();
    }

    /** Asks for a graceful shutdown (SIGTERM, so a flight recording is dumped), kills after 30 s. */
    @Override
    public void close() {
        process.close();
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

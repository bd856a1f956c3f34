package io.patronage.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** One service running in its own JVM, its output streamed line by line with the service's prefix. */
final class ServiceProcess {

    private static final int KEPT_LINES = 40;
    /**
     * C1 only: four services and a broker starting at once on a small machine start about a quarter faster
     * without C2 compiling in the background (measured on 2 cores), at the cost of peak speed, which a local
     * platform does not need and bench/ measures with its own settings. The output is read as UTF-8, so it is
     * written as UTF-8 whatever the machine's locale (file.encoding on Java 17, stdout.encoding from 19 on).
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8");

    private final Service service;
    private final Process process;
    private final PrintStream out;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread pump;
    private final long startedAt = System.nanoTime();
    private volatile boolean stopping;

    private ServiceProcess(Service service, Process process, PrintStream out) {
        this.service = service;
        this.process = process;
        this.out = out;
        this.pump = new Thread(this::streamOutput, service.label() + "-output");
        pump.setDaemon(true);
    }

    static ServiceProcess start(Service service, Path jar, Map<String, String> environment, PrintStream out)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        ServiceProcess child = new ServiceProcess(service, builder.start(), out);
        child.pump.start();
        return child;
    }

    /** The JVM running the launcher, so the services run on the same Java. */
    private static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("java", "java.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name).toString();
            }
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void streamOutput() {
        String prefix = Console.prefix(service.label());
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                out.println(prefix + line);
            }
        } catch (IOException e) {
            // The stream closes when the process ends.
        }
    }

    /** From now on, tells {@code handler} the exit code when the service ends without having been asked to stop. */
    void onUnexpectedExit(IntConsumer handler) {
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                handler.accept(exited.exitValue());
            }
        });
    }

    /** {@code exit code 137 (signal 9)}: on Unix a process killed by a signal exits with 128 + its number. */
    static String describeExit(int exitCode) {
        boolean signalled = exitCode > 128 && exitCode < 160 && !System.getProperty("os.name", "").startsWith("Windows");
        return "exit code " + exitCode + (signalled ? " (signal " + (exitCode - 128) + ")" : "");
    }

    private void remember(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }

    private List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** The service's last output lines, indented, for an error message. */
    String lastOutput() {
        return lastOutput(KEPT_LINES);
    }

    String lastOutput(int count) {
        List<String> lines = lastLines();
        lines = lines.subList(Math.max(0, lines.size() - count), lines.size());
        if (lines.isEmpty()) {
            return "  (no output)";
        }
        return "  " + String.join(System.lineSeparator() + "  ", lines);
    }

    Service service() {
        return service;
    }

    /** How long ago it was started. */
    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Asks the service to shut down (SIGTERM), as Kubernetes would. */
    void requestStop() {
        stopping = true;
        process.destroy();
    }

    /** Waits up to {@code grace} for the service to stop, then kills it; either way prints its last words. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                out.println(service.artifact() + " did not stop within " + grace.toSeconds() + " s: killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            pump.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

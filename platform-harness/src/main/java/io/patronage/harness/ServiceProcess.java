package io.patronage.harness;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * One service running from its runnable jar in its own JVM, as in production. Its output is either streamed
 * line by line with a prefix (the launcher's console) or appended to a log file (the bench, whose own JVM
 * should not spend time copying it).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final int KEPT_LINES = 40;

    /** Where the service's output goes. */
    public sealed interface Output {

        /** Each line to {@code out}, after {@code prefix}; the last lines are kept for error messages. */
        static Output streamTo(PrintStream out, String prefix) {
            return new Streamed(out, prefix);
        }

        static Output logTo(Path file) {
            return new Logged(file);
        }
    }

    private record Streamed(PrintStream out, String prefix) implements Output {
    }

    private record Logged(Path file) implements Output {
    }

    private final Service service;
    private final String name;
    private final Process process;
    private final Output output;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread pump;
    private final long startedAt = System.nanoTime();
    private volatile boolean stopping;

    private ServiceProcess(Service service, String name, Process process, Output output) {
        this.service = service;
        this.name = name;
        this.process = process;
        this.output = output;
        this.pump = output instanceof Streamed streamed
                ? new Thread(() -> streamOutput(streamed), name + "-output")
                : null;
    }

    /**
     * @param name       the instance, e.g. {@code points-service-2}: names the output thread and the messages
     * @param jvmOptions e.g. {@code -Xmx1g}, a flight recording
     * @param env        the service's configuration (port, Kafka, Mongo)
     */
    public static ServiceProcess start(Service service, String name, Path jar, List<String> jvmOptions,
                                       Map<String, String> env, Output output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (output instanceof Logged logged) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logged.file().toFile()));
        }
        builder.environment().putAll(env);
        ServiceProcess child = new ServiceProcess(service, name, builder.start(), output);
        if (child.pump != null) {
            child.pump.setDaemon(true);
            child.pump.start();
        }
        return child;
    }

    /** The JVM running this one, so the services run on the same Java. */
    public static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("java", "java.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name).toString();
            }
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void streamOutput(Streamed streamed) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                streamed.out().println(streamed.prefix() + line);
            }
        } catch (IOException e) {
            // The stream closes when the process ends.
        }
    }

    private void remember(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }

    /** From now on, tells {@code handler} the exit code when the service ends without having been asked to stop. */
    public void onUnexpectedExit(IntConsumer handler) {
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                handler.accept(exited.exitValue());
            }
        });
    }

    /** {@code exit code 137 (signal 9)}: on Unix a process killed by a signal exits with 128 + its number. */
    public static String describeExit(int exitCode) {
        boolean signalled = exitCode > 128 && exitCode < 160 && !System.getProperty("os.name", "").startsWith("Windows");
        return "exit code " + exitCode + (signalled ? " (signal " + (exitCode - 128) + ")" : "");
    }

    /** The service's last {@code count} output lines, oldest first. */
    public List<String> lastLines(int count) {
        List<String> lines;
        if (output instanceof Logged logged) {
            try {
                lines = Files.readAllLines(logged.file());
            } catch (IOException e) {
                return List.of("(log unreadable: " + e.getMessage() + ")");
            }
        } else {
            synchronized (lastLines) {
                lines = List.copyOf(lastLines);
            }
        }
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /** The service's last output lines, indented, for an error message. */
    public String lastOutput() {
        return lastOutput(KEPT_LINES);
    }

    public String lastOutput(int count) {
        List<String> lines = lastLines(count);
        if (lines.isEmpty()) {
            return "  (no output)";
        }
        return "  " + String.join(System.lineSeparator() + "  ", lines);
    }

    public Service service() {
        return service;
    }

    public String name() {
        return name;
    }

    /** The file its output goes to, when it goes to one. */
    public Optional<Path> log() {
        return output instanceof Logged logged ? Optional.of(logged.file()) : Optional.empty();
    }

    /** How long ago it was started. */
    public Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** CPU time the process has used so far, user and system. */
    public Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Asks the service to shut down (SIGTERM), as Kubernetes would. */
    public void requestStop() {
        stopping = true;
        process.destroy();
    }

    /**
     * Waits up to {@code grace} for the service to stop, then kills it; a streamed service's last words are
     * printed before this returns.
     */
    public void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                if (output instanceof Streamed streamed) {
                    streamed.out().println(name + " did not stop within " + grace.toSeconds() + " s: killing it");
                }
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (pump != null) {
                pump.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** {@code kill -9}: the JVM gets no chance to flush, commit or say goodbye. */
    public void kill() {
        stopping = true;
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
        requestStop();
        awaitStop(Duration.ofSeconds(30));
    }
}

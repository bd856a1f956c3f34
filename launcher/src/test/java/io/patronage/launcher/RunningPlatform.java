package io.patronage.launcher;

import io.patronage.harness.ServiceJars;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole platform as the launcher runs it, for one test class (register it on a field of a class with the
 * {@code PER_CLASS} lifecycle): started on free ports in a data directory of its own, with an outside client; a
 * failing test shows what the services printed last.
 */
final class RunningPlatform implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    private final Duration readinessTimeout;
    private final PrintStream out;
    private Path dataDir;
    private Platform platform;
    private Outside outside;

    RunningPlatform(Duration readinessTimeout, PrintStream out) {
        this.readinessTimeout = readinessTimeout;
        this.out = out;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("patronage-platform-it-");
        platform = Platform.start(PlatformConfig.onFreePorts(dataDir, ServiceJars.locate(Optional.empty()),
                readinessTimeout), out);
        outside = new Outside(platform.kafkaBootstrapServers(), platform.launcherToken());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (outside != null) {
            outside.close();
        }
        if (platform != null) {
            platform.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable error) throws Throwable {
        if (platform != null) {
            error.addSuppressed(new AssertionError("Services' output:" + System.lineSeparator() + platform.lastOutput()));
        }
        throw error;
    }

    Platform platform() {
        return platform;
    }

    Outside outside() {
        return outside;
    }

    Path dataDir() {
        return dataDir;
    }
}

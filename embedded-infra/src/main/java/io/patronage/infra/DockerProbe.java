package io.patronage.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine can be used, answered quickly and quietly where there is clearly none. */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean isDockerAvailable() {
        // Testcontainers' own search logs errors and takes a while when it finds nothing.
        if (!mayHaveDocker()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** False only where none of the places Testcontainers looks for an engine exist. */
    private static boolean mayHaveDocker() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("os.name", "").startsWith("Windows")) {
            return true;
        }
        return candidates().stream().anyMatch(Files::exists);
    }

    private static List<Path> candidates() {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".testcontainers.properties")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
        }
        return candidates;
    }
}

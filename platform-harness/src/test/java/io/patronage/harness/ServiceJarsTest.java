package io.patronage.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceJarsTest {

    @TempDir
    Path dir;

    @Test
    void findsTheJarsWhereTheBuildPutsThem() throws Exception {
        Path root = dir.resolve("repo");
        for (Service service : Service.values()) {
            touch(root.resolve(service.artifact() + "/target/" + service.artifact() + ".jar"));
        }

        ServiceJars jars = ServiceJars.find(List.of(dir.resolve("elsewhere"), root));

        assertEquals(root.resolve("points-service/target/points-service.jar").toAbsolutePath(), jars.jar(Service.POINTS));
    }

    @Test
    void findsJarsSideBySideInOneDirectory() throws Exception {
        for (Service service : Service.values()) {
            touch(dir.resolve(service.artifact() + ".jar"));
        }

        assertEquals(dir.resolve("rewards-service.jar").toAbsolutePath(), ServiceJars.find(List.of(dir)).jar(Service.REWARDS));
    }

    @Test
    void missingJarsAreNamedWithTheCommandThatBuildsThem() throws Exception {
        touch(dir.resolve("enrollment-service/target/enrollment-service.jar"));
        touch(dir.resolve("points-service/target/points-service.jar"));

        String message = assertThrows(ServiceJars.MissingServiceJarsException.class,
                () -> ServiceJars.find(List.of(dir))).getMessage();

        assertTrue(message.contains(dir.resolve("rewards-service/target/rewards-service.jar").toString()), message);
        assertTrue(message.contains(dir.resolve("analytics-service/target/analytics-service.jar").toString()), message);
        assertTrue(message.contains("./mvnw -DskipTests package"), message);
        assertFalse(message.contains("points-service.jar"), message);
    }

    @Test
    void looksInPatronageHomeThenTheRepositoryTheLauncherWasBuiltInThenTheWorkingDirectory() {
        Path launcherJar = Path.of("/src/patronage/launcher/target/patronage-launcher.jar");

        List<Path> candidates = ServiceJars.candidates(Optional.empty(), Map.of("PATRONAGE_HOME", "/opt/patronage"),
                Optional.of(launcherJar), Path.of("."));

        assertEquals(List.of(Path.of("/opt/patronage"), Path.of("/src/patronage"), Path.of(".")), candidates);
    }

    @Test
    void anExplicitServicesDirectoryIsTheOnlyPlaceLookedAt() {
        List<Path> candidates = ServiceJars.candidates(Optional.of(Path.of("/srv/jars")),
                Map.of("PATRONAGE_HOME", "/opt/patronage"), Optional.empty(), Path.of("."));

        assertEquals(List.of(Path.of("/srv/jars")), candidates);
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file);
    }
}

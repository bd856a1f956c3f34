package io.patronage.launcher;

import io.patronage.harness.Service;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherOptionsTest {

    @Test
    void withoutOptionsRunsOnTheDocumentedDefaults() throws UsageException {
        LauncherOptions options = LauncherOptions.parse();

        assertEquals(Path.of("data"), options.dataDir());
        assertEquals(9092, options.kafkaPort());
        assertEquals(27017, options.mongoPort());
        assertEquals(Map.of(Service.ENROLLMENT, 8081, Service.POINTS, 8082, Service.REWARDS, 8083, Service.ANALYTICS, 8084),
                options.servicePorts());
        assertEquals(Optional.empty(), options.servicesDir());
        assertFalse(options.demo());
        assertFalse(options.simulatedClock(), "the real clock unless asked");
        assertFalse(options.help());
    }

    @Test
    void theSimulatedClockIsOptIn() throws UsageException {
        assertTrue(LauncherOptions.parse("--simulated-clock").simulatedClock());
        assertEquals("--simulated-clock takes no value",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--simulated-clock=yes")).getMessage());
    }

    @Test
    void takesValuesAfterTheOptionOrAfterAnEqualsSign() throws UsageException {
        LauncherOptions options = LauncherOptions.parse("--demo", "--data-dir", "/tmp/patronage data",
                "--kafka-port=19092", "--mongo-port", "0", "--services-dir=/opt/patronage");

        assertTrue(options.demo());
        assertEquals(Path.of("/tmp/patronage data"), options.dataDir());
        assertEquals(19092, options.kafkaPort());
        assertEquals(0, options.mongoPort());
        assertEquals(Optional.of(Path.of("/opt/patronage")), options.servicesDir());
    }

    @Test
    void aPortBaseNumbersTheServicesInOrderAndAServicePortOverridesIt() throws UsageException {
        LauncherOptions options = LauncherOptions.parse("--points-port", "7000", "--port-base", "9000");

        assertEquals(Map.of(Service.ENROLLMENT, 9000, Service.POINTS, 7000, Service.REWARDS, 9002, Service.ANALYTICS, 9003),
                options.servicePorts());
    }

    @Test
    void rejectsWhatItDoesNotUnderstandWithTheReason() {
        assertEquals("unknown option: --verbose",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--verbose")).getMessage());
        assertEquals("unknown option: data",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("data")).getMessage());
        assertEquals("--data-dir needs a value",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--data-dir")).getMessage());
        assertEquals("--kafka-port needs a port number, not 'ninety'",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--kafka-port", "ninety")).getMessage());
        assertEquals("--rewards-port must be between 1 and 65535, not 0",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--rewards-port", "0")).getMessage());
        assertEquals("--port-base must be between 1 and 65532, not 65534",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--port-base", "65534")).getMessage());
        assertEquals("--demo takes no value",
                assertThrows(UsageException.class, () -> LauncherOptions.parse("--demo=yes")).getMessage());
    }

    @Test
    void rejectsOnePortGivenToTwoServers() {
        UsageException error = assertThrows(UsageException.class,
                () -> LauncherOptions.parse("--kafka-port", "8082"));

        assertEquals("port 8082 is given to both Kafka and points-service", error.getMessage());
    }
}

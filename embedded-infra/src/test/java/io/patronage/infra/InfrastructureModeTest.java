package io.patronage.infra;

import static io.patronage.infra.InfrastructureMode.CONTAINERS;
import static io.patronage.infra.InfrastructureMode.EMBEDDED;
import static io.patronage.infra.InfrastructureMode.EXTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class InfrastructureModeTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("Docker probed although the choice was already made");
    };

    private static InfrastructureMode select(Map<String, String> settings, BooleanSupplier docker) {
        return InfrastructureMode.select(settings::get, docker);
    }

    @Test
    void usesGivenAddressesWhenBothAreSet() {
        Map<String, String> settings = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "MONGODB_URI", "mongodb://mongo", "patronage.infra", "embedded");

        assertEquals(EXTERNAL, select(settings, NOT_TO_BE_ASKED));
    }

    @Test
    void ignoresAnIncompleteOrBlankPairOfAddresses() {
        assertEquals(EMBEDDED, select(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), NO_DOCKER));
        assertEquals(EMBEDDED, select(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "MONGODB_URI", " "), NO_DOCKER));
    }

    @Test
    void followsAnExplicitSwitch() {
        assertEquals(CONTAINERS, select(Map.of("patronage.infra", "containers"), NOT_TO_BE_ASKED));
        assertEquals(EMBEDDED, select(Map.of("patronage.infra", "Embedded"), NOT_TO_BE_ASKED));
    }

    @Test
    void autoPicksContainersOnlyWhereDockerIs() {
        assertEquals(CONTAINERS, select(Map.of(), DOCKER));
        assertEquals(EMBEDDED, select(Map.of(), NO_DOCKER));
        assertEquals(EMBEDDED, select(Map.of("patronage.infra", "auto"), NO_DOCKER));
    }

    @Test
    void rejectsAnUnknownSwitch() {
        assertThrows(IllegalArgumentException.class, () -> select(Map.of("patronage.infra", "docker"), NOT_TO_BE_ASKED));
    }
}

package io.patronage.kit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code endpoints.all.port} (as in Kubernetes): health and Prometheus answer on the management port only, and
 * the API on the API port only, so that a network policy can open each port to whom it is for.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortIT implements TestPropertyProvider {

    /** Micronaut matches a management route on the port it was configured with: a random one (-1) never matches. */
    private final int managementPort = freePort();
    private final HttpProbe api = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops("kit-management"));
    private final HttpProbe management = new HttpProbe(() -> managementPort);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("kit-management-it",
                Map.of("endpoints.all.port", String.valueOf(managementPort)));
    }

    @Test
    void servesHealthAndPrometheusOnTheManagementPortOnly() {
        assertNotEquals(managementPort, server.getPort());
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> health = management.get(path);
            assertEquals(200, health.statusCode(), "GET " + path + " on the management port: " + health.body());
            assertTrue(health.body().contains("\"UP\""), health.body());
        }
        HttpResponse<String> prometheus = management.get("/prometheus");
        assertEquals(200, prometheus.statusCode());
        assertTrue(prometheus.body().contains("jvm_memory_used_bytes"), "Prometheus text format");

        for (String path : List.of("/health", "/health/readiness", "/prometheus")) {
            assertEquals(404, api.get(path).statusCode(), "GET " + path + " on the API port");
        }
    }

    @Test
    void servesTheApiOnTheApiPortOnly() {
        assertEquals(200, api.get("/secured/chains/kit-management").statusCode());
        HttpResponse<String> onManagement = management.as(TestTokens.ops("kit-management"))
                .get("/secured/chains/kit-management");
        assertEquals(404, onManagement.statusCode(), "the API on the management port: " + onManagement.body());
        assertEquals(404, management.as(TestTokens.admin()).get("/audit").statusCode());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.patronage.points;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.OpenApiContract;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The OpenAPI document generated at build time covers every endpoint, validates, and is browsable offline. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    private final HttpProbe http = new HttpProbe(() -> server.getPort());

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-openapi-it");
    }

    @Test
    void everyEndpointIsInTheOpenApiDocumentAndTheDocumentValidates() {
        OpenApiContract.assertDocumentsEveryRoute(http, "points-service", router.uriRoutes()
                .map(route -> new OpenApiContract.Route(route.getHttpMethodName(),
                        route.getUriMatchTemplate().toPathString()))
                .toList());
    }

    @Test
    void theSwaggerUiIsServedWithEverythingItLoads() {
        OpenApiContract.assertServesSwaggerUiOffline(http, "points-service");
    }
}

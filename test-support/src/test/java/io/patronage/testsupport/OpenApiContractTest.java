package io.patronage.testsupport;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract is not vacuous: it catches an undocumented route, a stale operation and an invalid document. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            openapi: 3.0.1
            info:
              title: points-service
              version: 0.1.0
            paths:
              /members/{memberId}/points:
                get:
                  operationId: balance
                  parameters:
                  - name: memberId
                    in: path
                    required: true
                    schema:
                      type: string
                  responses:
                    "200":
                      description: the balance
            components:
              securitySchemes:
                bearer:
                  type: http
                  scheme: bearer
                  bearerFormat: JWT
            """;

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void passesWhenEveryRouteIsDocumentedManagementAside() throws IOException {
        HttpProbe http = serving(DOCUMENT);
        OpenApiContract.assertDocumentsEveryRoute(http, "points-service", List.of(
                new OpenApiContract.Route("GET", "/members/{id}/points"),
                new OpenApiContract.Route("HEAD", "/members/{id}/points"),
                new OpenApiContract.Route("GET", "/health/{selector}"),
                new OpenApiContract.Route("GET", "/openapi")));
    }

    @Test
    void failsOnARouteMissingFromTheDocument() throws IOException {
        HttpProbe http = serving(DOCUMENT);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> OpenApiContract.assertDocumentsEveryRoute(http, "points-service", List.of(
                        new OpenApiContract.Route("GET", "/members/{memberId}/points"),
                        new OpenApiContract.Route("POST", "/members/{memberId}/points/adjustments"))));
        assertTrue(failure.getMessage().contains("POST /members/{}/points/adjustments"), failure.getMessage());
    }

    @Test
    void failsOnAnOperationNoRouteServes() throws IOException {
        HttpProbe http = serving(DOCUMENT.replace("components:\n", """
                  /admin/rebuild:
                    post:
                      responses:
                        "200":
                          description: rebuilt
                components:
                """));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> OpenApiContract.assertDocumentsEveryRoute(http, "points-service", List.of(
                        new OpenApiContract.Route("GET", "/members/{memberId}/points"))));
        assertTrue(failure.getMessage().contains("no route serves") && failure.getMessage().contains("POST /admin/rebuild"),
                failure.getMessage());
    }

    @Test
    void failsOnAnOperationTakingTheCallerAsAParameter() throws IOException {
        HttpProbe http = serving(DOCUMENT.replace("      responses:\n", """
                      - name: caller
                        in: query
                        required: true
                        schema:
                          type: object
                      responses:
                """));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> OpenApiContract.assertDocumentsEveryRoute(http, "points-service", List.of(
                        new OpenApiContract.Route("GET", "/members/{memberId}/points"))));
        assertTrue(failure.getMessage().contains("caller") && failure.getMessage().contains("GET /members/{}/points"),
                failure.getMessage());
    }

    @Test
    void failsOnAnInvalidDocument() throws IOException {
        HttpProbe http = serving(DOCUMENT.replace("      responses:\n", "      responses: 12\n"));
        assertThrows(AssertionFailedError.class, () -> OpenApiContract.assertDocumentsEveryRoute(http,
                "points-service", List.of(new OpenApiContract.Route("GET", "/members/{memberId}/points"))));
    }

    @Test
    void failsWithoutTheBearerScheme() throws IOException {
        HttpProbe http = serving(DOCUMENT.replace("bearerFormat: JWT", "bearerFormat: opaque"));
        assertThrows(AssertionFailedError.class, () -> OpenApiContract.assertDocumentsEveryRoute(http,
                "points-service", List.of(new OpenApiContract.Route("GET", "/members/{memberId}/points"))));
    }

    private HttpProbe serving(String yaml) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/openapi", exchange -> {
            byte[] body = yaml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/yaml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new HttpProbe(() -> server.getAddress().getPort());
    }
}

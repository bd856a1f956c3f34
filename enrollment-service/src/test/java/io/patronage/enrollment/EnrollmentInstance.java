package io.patronage.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patronage.infra.Infrastructure;
import io.patronage.kit.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One run of enrollment-service on the embedded infrastructure, for tests that stop it and start it again
 * with other settings on the same database; spoken to through real HTTP.
 */
public final class EnrollmentInstance implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private EnrollmentInstance(EmbeddedServer server) {
        this.server = server;
    }

    /** Starts the service on {@code database} with {@code settings} on top of the test infrastructure's. */
    public static EnrollmentInstance start(String database, String chain, Map<String, Object> settings) {
        Infrastructure infra = Infrastructure.forTests();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "mongodb.uri", infra.mongoUri(),
                "patronage.mongo.database", database,
                "micronaut.server.port", "-1",
                "patronage.enrollment.chains." + chain + ".enrollment", "open",
                "patronage.enrollment.chains." + chain + ".currency", "EUR",
                "patronage.mail.mailbox-dir", "target/mailbox-" + database));
        properties.putAll(settings);
        return new EnrollmentInstance(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public HttpResponse<String> enroll(String chain, String firstName, String email) throws IOException, InterruptedException {
        String body = """
                {"chainId": "%s", "firstName": "%s", "lastName": "Virtanen", "email": "%s", "birthDate": "1990-05-17"}
                """.formatted(chain, firstName, email);
        return http.send(HttpRequest.newBuilder(uri("/members")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Enrolls and answers the new member's id. */
    public String enrolled(String chain, String firstName, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = enroll(chain, firstName, email);
        assertEquals(201, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body()).get("memberId").asText();
    }

    public JsonNode profile(String memberId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/members/" + memberId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

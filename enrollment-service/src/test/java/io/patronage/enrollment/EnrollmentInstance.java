package io.patronage.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;

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
    private final HttpProbe http;
    private final HttpProbe ops;

    private EnrollmentInstance(EmbeddedServer server, String chain) {
        this.server = server;
        this.http = new HttpProbe(server::getPort);
        this.ops = http.as(TestTokens.ops(chain));
    }

    /** Starts the service on {@code database} with {@code settings} on top of the test infrastructure's. */
    public static EnrollmentInstance start(String database, String chain, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.serviceProperties(database, Map.of(
                "patronage.mongo.database", database,
                "patronage.enrollment.chains." + chain + ".enrollment", "open",
                "patronage.enrollment.chains." + chain + ".currency", "EUR",
                "patronage.enrollment.chains." + chain + ".point-value", "0.01",
                "patronage.mail.mailbox-dir", "target/mailbox-" + database)));
        properties.putAll(settings);
        return new EnrollmentInstance(ApplicationContext.run(EmbeddedServer.class, properties), chain);
    }

    public HttpResponse<String> enroll(String chain, String firstName, String email) {
        String body = """
                {"chainId": "%s", "firstName": "%s", "lastName": "Virtanen", "email": "%s", "birthDate": "1990-05-17"}
                """.formatted(chain, firstName, email);
        return ops.post("/members", body);
    }

    /** Enrolls and answers the new member's id. */
    public String enrolled(String chain, String firstName, String email) {
        HttpResponse<String> response = enroll(chain, firstName, email);
        assertEquals(201, response.statusCode(), response.body());
        return HttpProbe.json(response).get("memberId").asText();
    }

    public JsonNode profile(String memberId) {
        HttpResponse<String> response = ops.get("/members/" + memberId);
        assertEquals(200, response.statusCode(), response.body());
        return HttpProbe.json(response);
    }

    /** The service, called without credentials: {@code http().as(token)} for a caller. */
    public HttpProbe http() {
        return http;
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoChainSeedsTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> created = new ConcurrentHashMap<>();
    private HttpServer enrollment;

    @AfterEach
    void stop() {
        enrollment.stop(0);
    }

    @Test
    void createsOnlyTheDemoChainsEnrollmentDoesNotKnowWithTheAdminToken() throws Exception {
        start(201);
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        List<String> seeded = new DemoChainSeeds(url(), "admin-token").seed(new PrintStream(said, true, StandardCharsets.UTF_8));

        assertEquals(List.of("bintang-my", "khorshid-ir"), seeded, "aegean-market-gr exists already: kept as it is");
        assertEquals(List.of("GET /chains/aegean-market-gr Bearer admin-token", "GET /chains/bintang-my Bearer admin-token",
                "PUT /chains/bintang-my Bearer admin-token", "GET /chains/khorshid-ir Bearer admin-token",
                "PUT /chains/khorshid-ir Bearer admin-token"), calls);
        assertEquals("MYR", created.get("bintang-my").get("currency").asText());
        assertEquals("100", created.get("khorshid-ir").get("pointValue").asText(), "a decimal string");
        assertEquals("Asia/Tehran", created.get("khorshid-ir").get("timeZone").asText());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("bintang-my, khorshid-ir"), said.toString());
    }

    @Test
    void aRefusedChainStopsTheStartNamingIt() throws Exception {
        start(400);

        PlatformStartException refused = assertThrows(PlatformStartException.class,
                () -> new DemoChainSeeds(url(), "admin-token").seed(new PrintStream(new ByteArrayOutputStream())));

        assertTrue(refused.getMessage().contains("bintang-my") && refused.getMessage().contains("HTTP 400"),
                refused.getMessage());
    }

    /** An enrollment-service that knows aegean-market-gr and answers a PUT with {@code putStatus}. */
    private void start(int putStatus) throws IOException {
        enrollment = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        enrollment.createContext("/chains/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            int status;
            if (exchange.getRequestMethod().equals("PUT")) {
                created.put(path.substring("/chains/".length()), new ObjectMapper().readTree(exchange.getRequestBody()));
                status = putStatus;
            } else {
                status = path.equals("/chains/aegean-market-gr") ? 200 : 404;
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        enrollment.start();
    }

    private URI url() {
        return URI.create("http://localhost:" + enrollment.getAddress().getPort());
    }
}

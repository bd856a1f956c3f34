package io.patronage.launcher;

import com.sun.net.httpserver.HttpServer;
import io.patronage.harness.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code clock}: one command moves every service's simulated clock, points-service last. */
class ClockCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<HttpServer> servers = new ArrayList<>();
    /** What the fake services received, in order: "service POST body" or "service GET". */
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void movesEveryServiceToTheSameInstantPointsLast() throws IOException {
        Map<Service, String> urls = services(200);

        int exit = ClockCommand.run(urls, "a-token", "+P1M", print(out), print(err));

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String body = "{\"advanceTo\":\"2027-01-03T10:00:00Z\"}";
        assertEquals(List.of("enrollment GET", "rewards GET", "analytics GET", "points GET",
                "enrollment POST " + body, "rewards POST " + body, "analytics POST " + body, "points POST " + body),
                received, "a month from the latest time (rewards-service's, a day ahead), points-service last");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("points-service: 2027-01-03T10:00:00Z (3 steps"),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void takesAnInstantOrADurationAndRefusesAnythingElse() {
        assertEquals(Instant.parse("2027-03-01T00:00:00Z"), ClockCommand.target("2027-03-01T00:00:00Z", NOW));
        assertEquals(NOW.plusSeconds(12 * 3600), ClockCommand.target("+PT12H", NOW));
        assertEquals(Instant.parse("2026-12-12T10:00:00Z"), ClockCommand.target("+P10D", NOW));
        assertEquals(2, ClockCommand.run(new String[] {"--fast"}, print(out), print(err)));
    }

    @Test
    void aPlatformWithoutTheSimulatedClockIsNamedAsSuch() throws IOException {
        Map<Service, String> urls = services(404);

        assertEquals(1, ClockCommand.run(urls, "a-token", "+P1D", print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("start the launcher with --simulated-clock"),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Four fake services answering {@code /admin/clock} with {@code status}, in the command's order. */
    private Map<Service, String> services(int status) throws IOException {
        Map<Service, String> urls = new LinkedHashMap<>();
        for (Service service : ClockCommand.ORDER) {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/admin/clock", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!"Bearer a-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    received.add(service.label() + " without the token");
                }
                received.add(service.label() + " " + exchange.getRequestMethod()
                        + (request.isEmpty() ? "" : " " + request));
                String target = request.isEmpty()
                        ? (service == Service.REWARDS ? NOW.plusSeconds(86_400) : NOW).toString()
                        : request.replaceAll(".*\"advanceTo\":\"([^\"]+)\".*", "$1");
                byte[] bytes = ("{\"now\":\"" + target + "\",\"simulated\":true,\"steps\":3}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            servers.add(server);
            urls.put(service, "http://localhost:" + server.getAddress().getPort());
        }
        return urls;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}

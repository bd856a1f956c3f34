package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.harness.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code patronage-launcher.jar clock [TIME | +PERIOD] [--port-base PORT]}: shows, or moves forward, the simulated
 * clock of a platform started with {@code --simulated-clock}, every service together: {@code POST /admin/clock} to
 * enrollment, rewards and analytics, then to points-service (whose review then runs what fell due, and whose events
 * the others consume at their new time). Each service answers once what was due on its way has run.
 */
final class ClockCommand {

    static final String USAGE = """
            Usage: java -jar launcher/target/patronage-launcher.jar clock [TIME | +PERIOD] [--port-base PORT]
                   [--data-dir DIR]

            Shows the simulated clock of each service of a platform started with --simulated-clock, or moves
            them all forward to TIME (an ISO-8601 instant, e.g. 2027-03-01T00:00:00Z) or by +PERIOD from
            the latest of their times (e.g. +P1M, +P30D, +PT12H). Each service runs what falls due on the way
            (points-service: expiry, expiry notices, tier changes, each at the instant it was due) before the
            command returns. Time never moves back.

            Options:
              --port-base PORT        the services' ports as the launcher was given them (default 8081:
                                      enrollment 8081, points 8082, rewards 8083, analytics 8084)
              --data-dir DIR          the platform's data directory, whose key signs the admin token
                                      the command calls with (default ./data)
            """;

    /** Points last: what its review publishes is consumed by services already at the new time. */
    static final List<Service> ORDER = List.of(Service.ENROLLMENT, Service.REWARDS, Service.ANALYTICS, Service.POINTS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClockCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String when = null;
        int portBase = Service.ENROLLMENT.defaultPort();
        Path dataDir = Path.of("data");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--data-dir") && i + 1 < args.length) || arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.startsWith("--data-dir=") ? arg.substring("--data-dir=".length()) : args[++i]);
            } else if ((arg.equals("--port-base") && i + 1 < args.length) || arg.startsWith("--port-base=")) {
                String value = arg.startsWith("--port-base=") ? arg.substring("--port-base=".length()) : args[++i];
                try {
                    portBase = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    err.println("patronage-launcher clock: --port-base needs a port number, not " + value);
                    return 2;
                }
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                return 0;
            } else if (!arg.startsWith("--") && when == null) {
                when = arg;
            } else {
                err.println("patronage-launcher clock: unknown argument " + arg);
                err.print(USAGE);
                return 2;
            }
        }
        Map<Service, String> urls = new LinkedHashMap<>();
        for (Service service : ORDER) {
            urls.put(service, "http://localhost:" + (portBase + service.ordinal()));
        }
        return run(urls, TokenCommand.launcherToken(TokenCommand.keys(dataDir)), when, out, err);
    }

    /**
     * Shows ({@code when} {@code null}) or moves the clocks of the services at {@code urls}, in their order; the
     * period of a {@code +PERIOD} counts from the latest of their times (so that none is asked to go back).
     */
    static int run(Map<Service, String> urls, String token, String when, PrintStream out, PrintStream err) {
        HttpClient http = HttpClient.newHttpClient();
        List<Service> services = List.copyOf(urls.keySet());
        try {
            if (when == null) {
                for (Service service : services) {
                    out.println(service.artifact() + ": " + now(http, token, urls.get(service)));
                }
                return 0;
            }
            Instant latest = null;
            for (Service service : services) {
                Instant now = now(http, token, urls.get(service));
                latest = latest == null || now.isAfter(latest) ? now : latest;
            }
            Instant target;
            try {
                target = target(when, latest);
            } catch (DateTimeParseException e) {
                err.println("patronage-launcher clock: " + when + " is neither an instant such as "
                        + "2027-03-01T00:00:00Z nor +PERIOD such as +P1M or +P30D");
                return 2;
            }
            for (Service service : services) {
                JsonNode moved = advance(http, token, urls.get(service), target);
                out.println(service.artifact() + ": " + moved.path("now").asText() + " ("
                        + moved.path("steps").asInt() + " steps of due work)");
            }
            return 0;
        } catch (ClockException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** {@code +P1M}: a period of calendar months or days in UTC; {@code +PT12H}: a duration; otherwise an instant. */
    static Instant target(String when, Instant now) {
        if (!when.startsWith("+")) {
            return Instant.parse(when);
        }
        String amount = when.substring(1);
        try {
            return now.atZone(ZoneOffset.UTC).plus(Period.parse(amount)).toInstant();
        } catch (DateTimeParseException e) {
            return now.plus(Duration.parse(amount));
        }
    }

    private static Instant now(HttpClient http, String token, String url) throws ClockException, InterruptedException {
        JsonNode clock = call(http, token, HttpRequest.newBuilder(URI.create(url + "/admin/clock")).GET(), url);
        return Instant.parse(clock.path("now").asText());
    }

    private static JsonNode advance(HttpClient http, String token, String url, Instant target)
            throws ClockException, InterruptedException {
        return call(http, token, HttpRequest.newBuilder(URI.create(url + "/admin/clock"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceTo\":\"" + target + "\"}")), url);
    }

    private static JsonNode call(HttpClient http, String token, HttpRequest.Builder request, String url)
            throws ClockException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ClockException("cannot reach " + url + ": is the platform running?");
        } catch (IOException e) {
            throw new ClockException("clock: " + url + " failed: " + e.getMessage());
        }
        if (response.statusCode() == 404) {
            throw new ClockException(url + " has no simulated clock: start the launcher with --simulated-clock");
        }
        if (response.statusCode() != 200) {
            throw new ClockException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ClockException(url + " answered something that is not JSON: " + response.body());
        }
    }

    private static final class ClockException extends Exception {
        ClockException(String message) {
            super(message);
        }
    }
}

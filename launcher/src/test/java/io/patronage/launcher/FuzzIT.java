package io.patronage.launcher;

import io.patronage.harness.Service;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At least 10,000 malformed requests across every operation of the four services' OpenAPI documents, from many
 * clients at once, with a valid token (so they reach the handlers), a garbage token and none: not one 5xx, and no
 * error body carries an internal detail (class names, stack traces, database or framework messages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

    private static final int REQUESTS = 10_000;
    private static final int CLIENTS = 40;
    private static final int MAX_REQUEST_BYTES = 65_536;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** What no error body may contain: Java, Micronaut, Jackson, Axon, Kafka or MongoDB internals. */
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|\\bat (io|org|com|java)\\.|java\\.|javax\\.|jakarta\\.|io\\.micronaut|io\\.patronage"
                    + "|com\\.fasterxml|org\\.axonframework|com\\.mongodb|org\\.apache|org\\.bson|MongoWrite"
                    + "|E11000|NullPointer|\\.java:\\d");
    private static final String NESTED = "[".repeat(5_000) + "]".repeat(5_000);
    private static final List<String> VALUES = List.of("", "%20", "%00", "..%2F..%2Fetc%2Fpasswd", "a".repeat(5_000),
            "'%20OR%201=1--", "%7B%22%24gt%22%3A%22%22%7D", "%CE%95%CE%BB%CE%AD%CE%BD%CE%B7", "%F0%9F%8E%81", "-1",
            "99999999999999999999999999", "1e400", "NaN", "null", "true", "%E0%A4", "2026-13-45T99:99:99Z", "P-1D",
            "aegean-market-gr", "%3Cscript%3E", "0x1F", "-0", "%0D%0ASet-Cookie:%20x=1");
    private static final List<String> BODIES = List.of("", "{", "}", "[]", "null", "0", "\"text\"", "{\"a\":}",
            "{\"points\":1e99999}", "{\"points\":-9223372036854775809}", "{\"amount\":\"NaN\"}", NESTED,
            "{\"x\":\"" + "é".repeat(40_000) + "\"}", "\u0000\u0001", "{\"chainId\":{\"$ne\":null}}",
            "{\"email\":[1,2,3],\"birthDate\":\"1988-02-30\",\"locale\":\"zz-ZZZZ-x\"}",
            "{\"advanceTo\":\"yesterday\"}", "{\"rules\":[{\"type\":\"unknown\"}]}", "{\"pointCost\":-5}",
            "{\"points\":0.5,\"reason\":\"" + "r".repeat(10_000) + "\"}", "{\"currency\":\"XXX\",\"timeZone\":\"Mars/Olympus\"}",
            "<xml/>", "{\"a\":1,\"a\":2}", "{\"memberId\":\"../../admin\"}");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/xml",
            "application/json; charset=utf-16", "multipart/form-data; boundary=x");

    @RegisterExtension
    final RunningPlatform running = new RunningPlatform(Duration.ofMinutes(3), System.out);

    private record Target(Service service, String method, String path, List<String> queryNames) {
    }

    @Test
    void tenThousandMalformedRequestsGetNoServerErrorAndNoInternals() throws Exception {
        List<Target> targets = new ArrayList<>();
        for (Service service : Service.values()) {
            OpenAPI document = OpenApiContract.parse(new HttpProbe(running.platform().url(service)).get("/openapi").body());
            for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                    List<String> query = operation.getValue().getParameters() == null ? List.of()
                            : operation.getValue().getParameters().stream().filter(p -> "query".equals(p.getIn()))
                            .map(Parameter::getName).toList();
                    targets.add(new Target(service, operation.getKey().name(), path.getKey(), query));
                }
            }
        }
        assertTrue(targets.size() >= 25, "the four documents list the API: " + targets.size() + " operations");

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tokens.add(running.platform().launcherToken());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Random random = new Random(i);
                Target target = targets.get(i % targets.size());
                String token = switch (i % 10) {
                    case 0 -> null;
                    case 1 -> "garbage." + VALUES.get(random.nextInt(VALUES.size()));
                    default -> tokens.get(random.nextInt(tokens.size()));
                };
                work.add(pool.submit(() -> {
                    HttpRequest request = request(target, token, random);
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        sent.incrementAndGet();
                        String verdict = verdict(response);
                        if (verdict != null && failures.size() < 50) {
                            failures.add(request.method() + " " + request.uri() + " → " + response.statusCode() + ": "
                                    + verdict + " " + shorten(response.body()));
                        }
                    } catch (java.io.IOException e) {
                        // a body over the server's limit may be refused by closing the connection before it is read
                        long length = request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
                        if (length > MAX_REQUEST_BYTES) {
                            sent.incrementAndGet();
                        } else {
                            failures.add(request.method() + " " + request.uri() + " → connection failed: " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad answers (first 50):\n" + String.join("\n", failures));
        assertTrue(sent.get() >= REQUESTS, sent.get() + " requests answered");
    }

    private HttpRequest request(Target target, String token, Random random) {
        Matcher variables = VARIABLE.matcher(target.path());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = random.nextInt(4) == 0 ? "aegean-market-gr" : VALUES.get(random.nextInt(VALUES.size()));
            variables.appendReplacement(path, Matcher.quoteReplacement(value.isEmpty() ? "x" : value));
        }
        variables.appendTail(path);
        List<String> query = new ArrayList<>();
        for (String name : target.queryNames()) {
            if (random.nextBoolean()) {
                query.add(name + "=" + VALUES.get(random.nextInt(VALUES.size())));
            }
        }
        if (random.nextInt(5) == 0) {
            query.add(URLEncoder.encode("unknown[param]", StandardCharsets.UTF_8) + "=" + VALUES.get(random.nextInt(VALUES.size())));
        }
        String base = running.platform().url(target.service()).toString().replaceAll("/$", "");
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (target.method().equals("GET") || target.method().equals("DELETE")) {
            builder.method(target.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPES.get(random.nextInt(4) == 0 ? random.nextInt(CONTENT_TYPES.size()) : 0))
                    .method(target.method(), HttpRequest.BodyPublishers.ofString(BODIES.get(random.nextInt(BODIES.size()))));
        }
        return builder.build();
    }

    private static String verdict(HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            return "a server error";
        }
        if (INTERNAL.matcher(response.body()).find()) {
            return "an internal detail in the body";
        }
        if (response.statusCode() >= 400 && !response.body().isEmpty()
                && !response.headers().firstValue("content-type").orElse("").startsWith(HttpProbe.PROBLEM_JSON)) {
            return "an error that is not problem+json";
        }
        return null;
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}

package io.patronage.launcher;

import io.patronage.harness.Service;
import io.patronage.infra.LocalTokens;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #14's proof: at least 10,000 malformed requests over every operation of the four services' OpenAPI
 * documents — bad path and query values, {@link MalformedBodies bad bodies}, wrong or missing content types — from
 * 40 distinct valid callers (so the per-token rate limit lets them through to the handlers), garbage tokens and none,
 * 8 at a time. Not one answer is a 5xx, no body carries an internal detail (class names, stack frames, MongoDB
 * errors), every 4xx is problem+json; the server may close the connection only on a body above its size limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

    private static final int REQUESTS = 10_000;
    private static final int THREADS = 8;
    private static final int CALLERS = 40;
    private static final List<String> CHAINS = List.of("aegean-market-gr", "bintang-my", "khorshid-ir");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}?&]+)}");
    /** What no body may contain: Java, Micronaut, Jackson, Axon, Kafka or MongoDB internals. */
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|java\\.|javax\\.|jakarta\\.|io\\.micronaut|io\\.patronage"
                    + "|com\\.fasterxml|org\\.axonframework|com\\.mongodb|org\\.apache|org\\.bson|MongoWrite|E11000"
                    + "|duplicate key|NullPointer|\\.java:\\d|Cannot (call|invoke|deserialize|construct)");
    /** Path and query values, percent-encoded as they go on the wire; a few real ids so that some get far. */
    private static final List<String> VALUES = List.of("", "%20", "%00", "..", "..%2F..%2Fetc%2Fpasswd",
            "%2E%2E%2F", "a".repeat(3_000), "%27%20OR%201%3D1--", "%7B%22%24gt%22%3A%22%22%7D", "%24where",
            "%CE%95%CE%BB%CE%AD%CE%BD%CE%B7", "%F0%9F%8E%81", "%E2%80%AE", "%E0%A4", "%FF%FE", "-1", "0", "-0",
            "2147483648", "9223372036854775808", "99999999999999999999999999", "1e400", "-1e400", "NaN", "Infinity",
            "null", "true", "false", "%5B%5D", "%7B%7D", "2026-13-45T99%3A99%3A99Z", "2026-02-30", "P-1D", "PT-1S",
            "%3Cscript%3E", "0x1F", "%0D%0ASet-Cookie%3A%20x%3D1", "%2A", "%25", "%2F", "%5C", "aegean-market-gr",
            "free-coffee", "tote-bag");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/xml",
            "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "}{", "application/json; charset=nonsense");

    @RegisterExtension
    final RunningPlatform running = new RunningPlatform(Duration.ofMinutes(3), System.out);

    /** One documented operation, with what its document says it takes. */
    private record Target(Service service, String method, String path, List<String> queryNames,
                          List<String> headerNames, Map<String, Schema<?>> bodyFields, boolean hasBody) {
    }

    /** A request made, and what it is known as in a report. */
    private record Sent(HttpRequest request, long bodyBytes, String bodyKind) {
    }

    @Test
    void tenThousandMalformedRequestsGetNoServerErrorAndNoInternals() throws Exception {
        List<Target> targets = targets();
        Set<Service> covered = new LinkedHashSet<>();
        targets.forEach(target -> covered.add(target.service()));
        assertEquals(Set.of(Service.values()), covered, "every service documents operations");
        assertTrue(targets.size() >= 25, "the four documents list the API: " + targets.size() + " operations");

        List<String> memberIds = CHAINS.stream()
                .map(chain -> running.outside().enroll(running.platform().url(Service.ENROLLMENT), chain)
                        .path("memberId").asText())
                .toList();
        List<String> callers = callers(memberIds);
        assertEquals(CALLERS, new LinkedHashSet<>(callers).size(), "distinct callers");
        List<String> garbage = garbageTokens();
        List<String> ids = new ArrayList<>(VALUES);
        ids.addAll(memberIds);
        ids.addAll(CHAINS);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<Service, AtomicInteger> perService = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            perService.put(service, new AtomicInteger());
        }
        AtomicInteger answered = new AtomicInteger();
        List<String> resent = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Random random = new Random(i);
                Target target = targets.get(i % targets.size());
                String token = switch (i % 10) {
                    case 0 -> null;
                    case 1 -> garbage.get(random.nextInt(garbage.size()));
                    default -> callers.get(random.nextInt(callers.size()));
                };
                Sent sent = request(target, token, ids, random);
                work.add(pool.submit(() -> {
                    String outcome;
                    String verdict;
                    String body = "";
                    try {
                        HttpResponse<String> response = answer(http, sent, resent);
                        outcome = Integer.toString(response.statusCode());
                        verdict = verdict(response);
                        body = response.body();
                    } catch (IOException e) {
                        outcome = "connection closed";
                        // A body over the server's limit may be refused by closing the connection before it is read.
                        verdict = sent.bodyBytes() > MalformedBodies.MAX_REQUEST_BYTES ? null
                                : "the connection failed twice (" + e + ") on a body of " + sent.bodyBytes() + " bytes";
                    }
                    answered.incrementAndGet();
                    perService.get(target.service()).incrementAndGet();
                    statuses.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
                    if (verdict != null) {
                        failures.add(sent.request().method() + " " + shorten(sent.request().uri().toString(), 160)
                                + " [" + target.service().artifact() + ", body " + sent.bodyKind() + ", "
                                + sent.request().headers().firstValue("content-type").orElse("no content type")
                                + (token == null ? ", no token" : "") + "] → " + outcome + ": " + verdict + " "
                                + shorten(body, 300));
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

        Map<String, Integer> histogram = new TreeMap<>();
        statuses.forEach((status, count) -> histogram.put(status, count.get()));
        System.out.printf("FuzzIT: %d requests over %d operations in %.1f s, by service %s; answers %s%n",
                answered.get(), targets.size(), (System.nanoTime() - started) / 1e9, perService, histogram);
        resent.forEach(line -> System.out.println("FuzzIT: sent again on a new connection: " + line));
        assertTrue(resent.size() <= REQUESTS / 1000, "connections failed for more than 1 request in 1,000: " + resent);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers (the first 60):\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        assertEquals(REQUESTS, answered.get(), "every request answered");
        int limited = histogram.getOrDefault("429", 0);
        int unauthenticated = histogram.getOrDefault("401", 0);
        assertTrue(limited < REQUESTS / 10, "the rate limit let most requests through: " + histogram);
        assertTrue(REQUESTS - limited - unauthenticated > REQUESTS / 2,
                "most requests reached the endpoints' handling: " + histogram);
    }

    /** Every operation of the four OpenAPI documents. */
    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (Service service : Service.values()) {
            OpenAPI document = OpenApiContract.parse(new HttpProbe(running.platform().url(service)).get("/openapi").body());
            for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                    Operation operation = entry.getValue();
                    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
                    targets.add(new Target(service, entry.getKey().name(), path.getKey().replaceAll("\\{[?&][^}]*}", ""),
                            names(parameters, "query"), names(parameters, "header"),
                            MalformedBodies.fields(document, operation.getRequestBody()),
                            operation.getRequestBody() != null));
                }
            }
        }
        return targets;
    }

    private static List<String> names(List<Parameter> parameters, String in) {
        return parameters.stream().filter(parameter -> in.equals(parameter.getIn())).map(Parameter::getName).toList();
    }

    /**
     * {@value #CALLERS} distinct valid tokens signed with the platform's own key: each role alone and in pairs for each
     * demo chain and for every chain, the enrolled members, strangers, an unknown chain and role, no role at all.
     */
    private List<String> callers(List<String> memberIds) {
        LocalTokens keys = TokenCommand.keys(running.dataDir());
        Duration hour = Duration.ofHours(1);
        List<String> tokens = new ArrayList<>();
        tokens.add(keys.mint("fuzz-admin", List.of("admin"), List.of(), hour));
        tokens.add(keys.mint("fuzz-admin-ops", List.of("admin", "ops"), List.of("*"), hour));
        List<String> chains = new ArrayList<>(CHAINS);
        chains.add("*");
        List<List<String>> roleSets = List.of(List.of("ops"), List.of("pos"), List.of("analyst"), List.of("ops", "pos"),
                List.of("ops", "analyst"), List.of("pos", "analyst"), List.of("ops", "pos", "analyst"));
        for (String chain : chains) {
            for (List<String> roles : roleSets) {
                tokens.add(keys.mint("fuzz-" + String.join("+", roles) + "-" + chain.replace("*", "all"), roles,
                        List.of(chain), hour));
            }
        }
        for (String memberId : memberIds) {
            tokens.add(keys.mint(memberId, List.of("member"), List.of(), hour));
        }
        tokens.add(keys.mint("m-stranger", List.of("member"), List.of(), hour));
        tokens.add(keys.mint("fuzz-unknown-chain", List.of("ops", "pos", "analyst"), List.of("no-such-chain"), hour));
        tokens.add(keys.mint("fuzz-unknown-role", List.of("superuser"), List.of("*"), hour));
        tokens.add(keys.mint("fuzz-no-roles", List.of(), List.of(), hour));
        tokens.add(keys.mint("fuzz-two-chains", List.of("ops"), CHAINS.subList(0, 2), hour));
        for (int i = 0; tokens.size() < CALLERS; i++) {
            tokens.add(keys.mint("fuzz-client-" + i, List.of("admin", "ops", "pos", "analyst"), List.of("*"), hour));
        }
        return tokens.subList(0, CALLERS);
    }

    /** Tokens no service may accept: malformed, unsigned, expired, signed by another key, tampered with. */
    private List<String> garbageTokens() throws IOException {
        LocalTokens platformKeys = TokenCommand.keys(running.dataDir());
        Path otherDir = Files.createTempDirectory(running.dataDir(), "other-key");
        String forged = LocalTokens.in(otherDir).mint("fuzz-forged", List.of("admin"), List.of("*"), Duration.ofHours(1));
        String valid = platformKeys.mint("fuzz-tampered", List.of("pos"), List.of("bintang-my"), Duration.ofHours(1));
        String[] parts = valid.split("\\.");
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + LocalTokens.ISSUER + "\",\"sub\":\"x\",\"roles\":[\"admin\"],\"chains\":[\"*\"],"
                        + "\"exp\":9999999999}").getBytes(StandardCharsets.UTF_8));
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + elevated + ".";
        return List.of("garbage", "a.b.c", "", "null", "%00", "x".repeat(5_000), forged, unsigned,
                parts[0] + "." + elevated + "." + parts[2],
                platformKeys.mint("fuzz-expired", List.of("admin"), List.of("*"), Duration.ofSeconds(-60)),
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }

    private Sent request(Target target, String token, List<String> ids, Random random) {
        Matcher variables = VARIABLE.matcher(target.path());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = random.nextInt(3) == 0 ? ids.get(VALUES.size() + random.nextInt(ids.size() - VALUES.size()))
                    : ids.get(random.nextInt(ids.size()));
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        List<String> query = new ArrayList<>();
        for (String name : target.queryNames()) {
            if (random.nextInt(3) > 0) {
                query.add(name + "=" + ids.get(random.nextInt(ids.size())));
            }
        }
        if (random.nextInt(5) == 0) {
            query.add(List.of("unknown%5Bparam%5D", "limit", "%24where", "chainId").get(random.nextInt(4)) + "="
                    + VALUES.get(random.nextInt(VALUES.size())));
        }
        String base = running.platform().url(target.service()).toString().replaceAll("/$", "");
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        for (String header : target.headerNames()) {
            builder.header(header, List.of("", " ", "x".repeat(2_000), "a b", "{\"$gt\":\"\"}", "%00", "550e8400-e29b-41d4-a716-446655440000")
                    .get(random.nextInt(7)));
        }
        if (!target.hasBody() && random.nextInt(4) > 0) {
            return new Sent(builder.method(target.method(), HttpRequest.BodyPublishers.noBody()).build(), 0, "none");
        }
        int kind = random.nextInt(MalformedBodies.kinds());
        byte[] body = MalformedBodies.make(kind, target.bodyFields(), random);
        int contentType = random.nextInt(3) > 0 ? 0 : random.nextInt(CONTENT_TYPES.size() + 1);
        if (contentType < CONTENT_TYPES.size()) {
            builder.header("Content-Type", CONTENT_TYPES.get(contentType));
        }
        return new Sent(builder.method(target.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                body.length, MalformedBodies.name(kind));
    }

    /**
     * The answer to the request; a small request whose pooled connection failed (the server closed it as the client
     * reused it, or no answer came in time on this noisy machine) is sent once more on a new connection, and must
     * then be answered. The resends are reported and capped.
     */
    private static HttpResponse<String> answer(HttpClient http, Sent sent, List<String> resent)
            throws IOException, InterruptedException {
        try {
            return http.send(sent.request(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (sent.bodyBytes() > MalformedBodies.MAX_REQUEST_BYTES) {
                throw e;
            }
            resent.add(sent.request().method() + " " + shorten(sent.request().uri().toString(), 160) + " (" + e + ")");
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return fresh.send(sent.request(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String verdict(HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            return "a server error";
        }
        if (INTERNAL.matcher(response.body()).find()
                || response.headers().map().values().stream().flatMap(List::stream).anyMatch(v -> INTERNAL.matcher(v).find())) {
            return "an internal detail";
        }
        if (response.statusCode() >= 400
                && !response.headers().firstValue("content-type").orElse("").startsWith(HttpProbe.PROBLEM_JSON)) {
            return "an error that is not problem+json";
        }
        return null;
    }

    private static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }
}

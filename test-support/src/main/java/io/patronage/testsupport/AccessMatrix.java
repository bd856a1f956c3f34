package io.patronage.testsupport;

import io.swagger.v3.oas.models.OpenAPI;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, proven against the running service for every operation of its OpenAPI document: the test
 * names its callers (a token each; {@link #ANONYMOUS} has none), then classifies every documented operation with
 * the callers allowed to call it and a concrete request for it. {@link #verify()} fails if the document has an
 * operation the test did not classify (so a new endpoint cannot escape), then sends every operation as every caller:
 * refused callers first (they must change nothing), then allowed ones.
 * <ul>
 *   <li>an allowed caller must not get 401, 403 or 404 (so the request's ids must exist: a refusal to a member is
 *   a 404) nor a 5xx;</li>
 *   <li>a refused caller must get 401 without a token, else 403 or 404, as problem+json.</li>
 * </ul>
 * All failures are reported together.
 */
public final class AccessMatrix {

    public static final String ANONYMOUS = "anonymous";

    /** A concrete request: a path with its query, and a JSON body or {@code null}. */
    public record Request(String path, String body) {
    }

    private record Case(String method, Function<String, Request> request, Set<String> allowed) {
    }

    private final HttpProbe http;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Case> cases = new TreeMap<>();

    /** @param http the service, called without credentials */
    public AccessMatrix(HttpProbe http) {
        this.http = http;
        tokens.put(ANONYMOUS, null);
    }

    public AccessMatrix caller(String name, String token) {
        tokens.put(name, token);
        return this;
    }

    /**
     * @param operation as documented, e.g. {@code GET /members/{memberId}/points}
     * @param path      the path to call, e.g. {@code /members/m-1/points?asOf=2026-01-01}
     * @param body      a JSON body, or {@code null}
     * @param allowed   the names of the callers who may call it
     */
    public AccessMatrix expect(String operation, String path, String body, String... allowed) {
        return expect(operation, caller -> new Request(path, body), allowed);
    }

    /** As {@link #expect(String, String, String, String...)}, with a request made for each caller (e.g. a fresh id). */
    public AccessMatrix expect(String operation, Function<String, Request> request, String... allowed) {
        String[] parts = operation.split(" ", 2);
        Set<String> names = new LinkedHashSet<>(List.of(allowed));
        for (String name : names) {
            if (!tokens.containsKey(name)) {
                throw new IllegalArgumentException(operation + ": unknown caller " + name + "; known: " + tokens.keySet());
            }
        }
        cases.put(OpenApiContract.operation(parts[0], parts[1]), new Case(parts[0], request, names));
        return this;
    }

    public void verify() {
        OpenAPI document = OpenApiContract.parse(http.get("/openapi").body());
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(OpenApiContract.operation(method.name(), path))));
        assertEquals(documented, cases.keySet(), "every documented operation is classified, and only those");

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Case> entry : cases.entrySet()) {
            Case check = entry.getValue();
            List<String> order = new ArrayList<>(tokens.keySet());
            order.sort((a, b) -> Boolean.compare(check.allowed().contains(a), check.allowed().contains(b)));
            for (String caller : order) {
                Request request = check.request().apply(caller);
                HttpResponse<String> response = send(caller, check.method(), request);
                calls++;
                String verdict = verdict(check.allowed().contains(caller), caller, response);
                if (verdict != null) {
                    failures.add(entry.getKey() + " as " + caller + " (" + check.method() + " " + request.path()
                            + "): " + verdict + " — answered " + response.statusCode() + " " + shorten(response.body()));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + calls + " calls broke the access rules:\n"
                + String.join("\n", failures));
    }

    private HttpResponse<String> send(String caller, String method, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(http.uri(request.path()));
        if (request.body() == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("content-type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(request.body()));
        }
        return http.as(tokens.get(caller)).send(builder);
    }

    private static String verdict(boolean allowed, String caller, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (allowed) {
            return status == 401 || status == 403 || status == 404 ? "allowed, but refused" : null;
        }
        boolean problem = response.headers().firstValue("content-type").orElse("").startsWith(HttpProbe.PROBLEM_JSON);
        if (caller.equals(ANONYMOUS)) {
            return status == 401 && problem ? null : "no token, so 401 problem+json expected";
        }
        return (status == 403 || status == 404) && problem ? null : "refused caller, so 403 or 404 problem+json expected";
    }

    private static String shorten(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}

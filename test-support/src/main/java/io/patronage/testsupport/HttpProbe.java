package io.patronage.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain HTTP calls to the service under test, as an outside client makes them (the JDK's client, JSON bodies). */
public final class HttpProbe {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** Long enough for a loaded machine, short enough that a hung server fails the test rather than the build. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Supplier<URI> base;
    private final String authorization;

    /** @param port the server's port, read at each call (a test's server is injected after the test is built) */
    public HttpProbe(IntSupplier port) {
        this(newClient(), () -> URI.create("http://localhost:" + port.getAsInt()), null);
    }

    /** @param base a running server's URL, e.g. {@code http://localhost:8081} */
    public HttpProbe(URI base) {
        this(newClient(), () -> base, null);
    }

    /** {@link #as} shares the client of the probe it was made from: it is often called per request. */
    private HttpProbe(HttpClient http, Supplier<URI> base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** The same server, called with {@code Authorization: Bearer <token>} ({@code null}: without credentials). */
    public HttpProbe as(String token) {
        return new HttpProbe(http, base, token == null ? null : "Bearer " + token);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withBody(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(withBody(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (authorization != null) {
                request.setHeader("Authorization", authorization);
            }
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a GET that must succeed. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    public URI uri(String path) {
        return URI.create(base.get() + path);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String body) {
        return ProbeJson.tree(body);
    }

    /** Asserts a problem+json answer with this status (in the response and in the problem), and answers the problem. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("content-type").orElseThrow(), response.body());
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").asInt(), response.body());
        return problem;
    }

    /** Asserts a problem+json answer with this status and problem type, and answers the problem. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        JsonNode problem = assertProblem(response, status);
        assertEquals(type, problem.get("type").asText(), response.body());
        return problem;
    }

    private HttpRequest.Builder withBody(String path) {
        return HttpRequest.newBuilder(uri(path)).header("content-type", "application/json");
    }
}

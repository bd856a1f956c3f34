package io.patronage.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON-over-HTTP client for one service. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String base;
    private final String authorization;

    public Http(String base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /** The same service, called with another bearer token. */
    public Http as(String token) {
        return new Http(base, token);
    }

    /** The response status, or -1 when nothing answers. */
    public int status(String path) {
        try {
            return CLIENT.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The JSON body of a 200 answer, empty for any other status. */
    public Optional<JsonNode> json(String path) {
        HttpResponse<String> response = send(get(path));
        return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
    }

    public String text(String path) {
        HttpResponse<String> response = send(get(path));
        if (response.statusCode() != 200) {
            throw new BenchFailure("GET " + base + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    public HttpResponse<String> post(String path, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(withJson(path, json).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(withJson(path, json).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder withJson(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BenchFailure("not JSON: " + body, e);
        }
    }
}

package io.patronage.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.harness.Service;
import io.patronage.launcher.Platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The services' HTTP APIs, as far as the demo needs them. */
final class DemoClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;
    private final Platform platform;

    DemoClient(Platform platform, ObjectMapper json) {
        this.platform = platform;
        this.json = json;
    }

    /** {@code POST /members} on enrollment-service; the answer holds {@code memberId} and {@code cardNumber}. */
    JsonNode enroll(Map<String, Object> member) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(platform.url(Service.ENROLLMENT).resolve("/members"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + platform.launcherToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(member)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    /** {@code GET /members/{id}/points} on points-service; empty while the account does not exist yet. */
    Optional<JsonNode> points(String memberId) throws IOException, InterruptedException {
        return get(platform.url(Service.POINTS).resolve("/members/" + encode(memberId) + "/points"));
    }

    /** {@code PUT} of a JSON body (a chain's reward, punch card, welcome offer); 200 and 201 are both fine. */
    void put(Service service, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(platform.url(service).resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + platform.launcherToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IOException("HTTP " + response.statusCode() + " from PUT " + path + ": " + response.body());
        }
    }

    /** {@code GET /members/{id}/coupons?limit=1000} on rewards-service: the member's coupons, newest page. */
    JsonNode coupons(String memberId) throws IOException, InterruptedException {
        return get(platform.url(Service.REWARDS).resolve("/members/" + encode(memberId) + "/coupons?limit=1000"))
                .orElseGet(() -> json.createArrayNode());
    }

    /** {@code GET /analytics/participation?chainId=} on analytics-service. */
    Optional<JsonNode> participation(String chainId) throws IOException, InterruptedException {
        return get(platform.url(Service.ANALYTICS).resolve("/analytics/participation?chainId=" + encode(chainId)));
    }

    private Optional<JsonNode> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + platform.launcherToken()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri + ": " + response.body());
        }
        return Optional.of(json.readTree(response.body()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

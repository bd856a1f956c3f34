package io.patronage.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's {@code /health/readiness}, which checks its Kafka consumers and MongoDB. */
final class ReadinessProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param detail what the service answered, for the message when it never becomes ready */
    record Answer(boolean ready, String detail) {
    }

    Answer ask(URI service) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode() == 200, "HTTP " + response.statusCode() + " " + response.body());
        } catch (ConnectException e) {
            return new Answer(false, "not listening yet");
        } catch (IOException e) {
            return new Answer(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }
}

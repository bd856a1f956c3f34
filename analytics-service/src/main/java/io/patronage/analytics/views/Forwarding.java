package io.patronage.analytics.views;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.patronage.analytics.streams.StreamsEngine;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * A chain's views live on the instance whose chain-stage partition holds the chain. A request that reaches another
 * instance is answered there: this one asks the owner (one hop, marked so that the owner never forwards again) and
 * returns its answer as it is, with the caller's {@code Authorization} header.
 */
@Singleton
class Forwarding {

    static final String FORWARDED = "X-Patronage-Forwarded";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StreamsEngine engine;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Forwarding(StreamsEngine engine) {
        this.engine = engine;
    }

    /**
     * The answer of the instance holding the chain in the named store (each stage's partitions may be held by another
     * instance), or empty when this instance holds it (or the request was forwarded already).
     */
    Optional<HttpResponse<?>> toOwner(HttpRequest<?> request, String store, String chainId) {
        if (request.getHeaders().contains(FORWARDED)) {
            return Optional.empty();
        }
        HostInfo owner = engine.ownerOf(store, chainId).orElseThrow(() -> new OwnerUnavailable(
                "the analytics views are being rebalanced between instances; try again in a moment"));
        if (engine.isSelf(owner)) {
            return Optional.empty();
        }
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + request.getUri());
        java.net.http.HttpRequest.Builder forwarded = java.net.http.HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header(FORWARDED, "true").GET();
        request.getHeaders().accept().forEach(type -> forwarded.header(HttpHeaders.ACCEPT, type.toString()));
        // the owner checks the caller's token too
        request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)
                .ifPresent(authorization -> forwarded.header(HttpHeaders.AUTHORIZATION, authorization));
        try {
            java.net.http.HttpResponse<String> answer = client.send(forwarded.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            MediaType type = answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).map(MediaType::of)
                    .orElse(MediaType.APPLICATION_JSON_TYPE);
            return Optional.of(HttpResponse.status(HttpStatus.valueOf(answer.statusCode())).body(answer.body())
                    .contentType(type));
        } catch (IOException e) {
            throw unavailable(owner, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(owner, e);
        }
    }

    private static OwnerUnavailable unavailable(HostInfo owner, Exception e) {
        return new OwnerUnavailable("the instance holding this chain's views (" + owner.host() + ":" + owner.port()
                + ") did not answer: " + e.getClass().getSimpleName());
    }

    /** No instance is known to hold the chain, or the one that does is gone: until the group has rebalanced. */
    static final class OwnerUnavailable extends RuntimeException {

        OwnerUnavailable(String message) {
            super(message);
        }
    }
}

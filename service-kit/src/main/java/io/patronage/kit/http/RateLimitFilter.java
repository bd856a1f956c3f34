package io.patronage.kit.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits each client to {@code patronage.http.rate-limit.per-second} requests a second on average, with bursts of
 * up to {@code patronage.http.rate-limit.burst} (a token bucket per client); beyond, 429 problem+json with
 * {@code Retry-After}. A client is its bearer token (hashed), or its address when it sends none. Health and
 * Prometheus are not limited: probes and scrapers must always get through.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RateLimitFilter implements Ordered {

    private static final List<String> UNLIMITED = List.of("/health", "/prometheus");
    /** Forget clients idle this long, so the map stays the size of the current clients. */
    private static final long IDLE_NANOS = 600_000_000_000L;
    private static final int SWEEP_ABOVE = 10_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(@Value("${patronage.http.rate-limit.per-second:50}") double perSecond,
                    @Value("${patronage.http.rate-limit.burst:200}") double burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("patronage.http.rate-limit: per-second must be > 0 and burst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        String path = request.getPath();
        if (UNLIMITED.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return null;
        }
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
        }
        double waitSeconds = buckets.computeIfAbsent(client(request), key -> new Bucket(burst, now))
                .take(now, perSecond, burst);
        if (waitSeconds <= 0) {
            return null;
        }
        long retryAfter = (long) Math.ceil(waitSeconds);
        Problem problem = new Problem(Problems.type("too-many-requests"), "Too Many Requests", 429,
                "more than " + perSecond + " requests a second from this client; retry after " + retryAfter + " s",
                path, List.of());
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .contentType(MediaType.of(Problem.CONTENT_TYPE))
                .body(problem);
    }

    private static String client(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return "token:" + sha256(authorization);
        }
        return "address:" + request.getRemoteAddress().getAddress().getHostAddress();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        /** Takes one token; answers 0, or the seconds until one will be there. */
        synchronized double take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}

package io.patronage.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.patronage.kit.http.Problem;

import java.util.List;

/**
 * analytics-service is read-only over HTTP: views, the dashboard and management endpoints are read with GET (or
 * HEAD). Anything else is 405 — the dashboard's static files would otherwise answer 200 to PUT, DELETE or TRACE —,
 * except service-kit's {@code POST /admin/clock}, which moves the simulated clock (it exists only when simulated).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ReadOnlyFilter {

    @RequestFilter
    @Nullable
    HttpResponse<Problem> onlyReads(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD
                || (method == HttpMethod.POST && request.getPath().equals("/admin/clock"))) {
            return null;
        }
        return HttpResponse.<Problem>status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, "GET, HEAD")
                .contentType(Problem.CONTENT_TYPE)
                .body(new Problem("urn:patronage:problem:method-not-allowed", "Method Not Allowed", 405,
                        method + " is not allowed here: analytics-service only answers GET and HEAD", request.getPath(),
                        List.of()));
    }
}

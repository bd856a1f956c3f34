package io.patronage.analytics.views;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;

import java.util.List;

/** A view answered as JSON, or as CSV with {@code Accept: text/csv} or {@code ?format=csv}. */
final class ViewAnswer {

    static final MediaType CSV = MediaType.of("text/csv");

    private ViewAnswer() {
    }

    static HttpResponse<?> of(HttpRequest<?> request, Object views) {
        if (wantsCsv(request)) {
            return HttpResponse.ok(Csv.of(views instanceof List<?> list ? list : List.of(views))).contentType(CSV);
        }
        return HttpResponse.ok(views);
    }

    static boolean wantsCsv(HttpRequest<?> request) {
        String format = request.getParameters().get("format");
        if (format != null) {
            if (!List.of("csv", "json").contains(format)) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                        "the query parameter format must be one of json, csv",
                        List.of(new Problem.FieldError("format", "must be one of json, csv")));
            }
            return format.equals("csv");
        }
        // named, not matched by a wildcard: browsers and curl send */* and want JSON
        return request.accept().stream().anyMatch(type -> CSV.getType().equals(type.getType())
                && CSV.getSubtype().equals(type.getSubtype()));
    }
}

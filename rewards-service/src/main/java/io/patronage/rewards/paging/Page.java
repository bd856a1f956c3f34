package io.patronage.rewards.paging;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list the API answers: at most {@code limit} items ({@value #DEFAULT_LIMIT} by default, at most
 * {@value #MAX_LIMIT}) that follow the item whose key is {@code after}. The body stays the list itself; while more
 * follow, a {@code Link: <...>; rel="next"} header (RFC 8288) gives the request for the next page.
 *
 * @param next the key of the last item, when more items follow it
 */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final String LIMIT = "how many items at most: 1 to " + MAX_LIMIT + ", default " + DEFAULT_LIMIT;
    public static final String LINK = "<...?limit=...&after=...>; rel=\"next\": the next page, while more items follow";
    public static final String AFTER = "the next page: the value the Link header (rel=\"next\") of the previous page "
            + "gives; without it, the first page";

    /** The page of {@code all} (in its order; {@code key} unique in it) after the item keyed {@code after}. */
    public static <T> Page<T> of(List<T> all, Function<T, String> key, Integer limit, String after) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT + ", is " + size);
        }
        int from = 0;
        if (after != null) {
            from = -1;
            for (int i = 0; i < all.size() && from < 0; i++) {
                if (after.equals(key.apply(all.get(i)))) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw invalid("after", "names no item of this list (withdrawn since?): start again without it");
            }
        }
        int to = Math.min(all.size(), from + size);
        List<T> items = List.copyOf(all.subList(from, to));
        return new Page<>(items, to < all.size() && !items.isEmpty() ? key.apply(items.get(items.size() - 1)) : null);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), next);
    }

    /** The items as the body, and the next page's request as a {@code Link} header while there is one. */
    public MutableHttpResponse<List<T>> response(HttpRequest<?> request) {
        MutableHttpResponse<List<T>> response = HttpResponse.ok(items);
        return next == null ? response : response.header("Link", "<" + nextUri(request) + ">; rel=\"next\"");
    }

    private String nextUri(HttpRequest<?> request) {
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            if (!parameter.getKey().equals("after")) {
                parameter.getValue().forEach(value -> query.add(encode(parameter.getKey()) + "=" + encode(value)));
            }
        }
        query.add("after=" + encode(next));
        return request.getPath() + "?" + String.join("&", query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}

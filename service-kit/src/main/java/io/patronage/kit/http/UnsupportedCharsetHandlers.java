package io.patronage.kit.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/**
 * A body whose {@code Content-Type} names a charset the JVM does not know ({@code charset=nonsense}) is a 415, not
 * an internal error: Micronaut decodes a text body with the declared charset and fails on an unknown one.
 */
final class UnsupportedCharsetHandlers {

    private UnsupportedCharsetHandlers() {
    }

    static HttpResponse<Problem> unsupported(HttpRequest<?> request) {
        Problem problem = new Problem(Problems.type(415), HttpStatus.UNSUPPORTED_MEDIA_TYPE.getReason(), 415,
                "the charset the Content-Type names is not supported: send the body as UTF-8", request.getPath(),
                List.of());
        return HttpResponse.<Problem>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .contentType(MediaType.of(Problem.CONTENT_TYPE))
                .body(problem);
    }

    @Singleton
    static class Unsupported implements ExceptionHandler<UnsupportedCharsetException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsupportedCharsetException exception) {
            return unsupported(request);
        }
    }

    @Singleton
    static class IllegalName implements ExceptionHandler<IllegalCharsetNameException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalCharsetNameException exception) {
            return unsupported(request);
        }
    }
}

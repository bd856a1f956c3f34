package io.patronage.kit.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        Problem problem = new Problem(Problems.type(exception.type()), Problems.title(exception.status()),
                exception.status().getCode(), exception.getMessage(), request.getPath(), exception.errors());
        return HttpResponse.<Problem>status(exception.status())
                .contentType(MediaType.of(Problem.CONTENT_TYPE))
                .body(problem);
    }
}

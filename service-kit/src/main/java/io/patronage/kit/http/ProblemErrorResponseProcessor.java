package io.patronage.kit.http;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every error Micronaut answers is problem+json, whatever the request accepts: Micronaut's own processor renders an
 * HTML page for a browser's {@code Accept: text/html}, which an API never should.
 */
@Singleton
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final ProblemJsonErrorBodyProvider bodies;

    ProblemErrorResponseProcessor(ProblemJsonErrorBodyProvider bodies) {
        this.bodies = bodies;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        return response.body(bodies.body(context, response)).contentType(Problem.CONTENT_TYPE);
    }
}

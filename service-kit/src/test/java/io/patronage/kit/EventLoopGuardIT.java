package io.patronage.kit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service with an endpoint that would block the HTTP event loop does not start, and says which one. */
class EventLoopGuardIT {

    @Controller("/blocking")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Requires(property = "kit-test.event-loop-offender", value = "true")
    static class BlockingOnTheEventLoop {

        @Get
        String read() {
            return "as if from MongoDB";
        }
    }

    @Test
    void refusesToStartWithAnEndpointOnTheEventLoop() {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.serviceProperties("kit-event-loop-it"));
        properties.put("kit-test.event-loop-offender", "true");
        ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").build();
        try {
            RuntimeException refused = assertThrows(RuntimeException.class, context::start);
            String message = messages(refused);
            assertTrue(message.contains("GET /blocking"), message);
        } finally {
            context.close();
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append(" | ");
        }
        return all.toString();
    }
}

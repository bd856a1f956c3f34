package io.patronage.analytics;

import io.micronaut.runtime.Micronaut;
import io.patronage.analytics.streams.ViewsReset;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.Arrays;

@OpenAPIDefinition(info = @Info(title = "analytics-service", version = "0.1.0",
        description = "Program analytics views."
                + " Errors are RFC 9457 application/problem+json.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = "bearer"))
// Every operation needs a JWT bearer token, unless it says otherwise (see the root README, "Tokens").
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class AnalyticsApplication {

    private AnalyticsApplication() {
    }

    /** {@code reset} resets the views' Kafka Streams application instead of starting the service (see ViewsReset). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("reset")) {
            ViewsReset.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Micronaut.run(AnalyticsApplication.class, args);
    }
}

package io.patronage.points;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The points ledger: earns points on members' purchases, debits them for rewards, serves balances. */
@OpenAPIDefinition(info = @Info(title = "points-service", version = "0.1.0",
        description = "The points ledger: earning, balances, statements, adjustments, programs, redemption debits."
                + " Errors are RFC 9457 application/problem+json.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = "bearer"))
// Every operation needs a JWT bearer token, unless it says otherwise (see the root README, "Tokens").
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class PointsApplication {

    private PointsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(PointsApplication.class, args);
    }
}

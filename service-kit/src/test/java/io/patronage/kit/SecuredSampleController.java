package io.patronage.kit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.util.Map;

/** Test controller exercising the kit's authentication, authorization, audit and error hiding. */
@Controller("/secured")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SecuredSampleController {

    private final AuditTrail audit;

    SecuredSampleController(AuditTrail audit) {
        this.audit = audit;
    }

    @Get("/chains/{chainId}")
    Map<String, String> chain(Caller caller, @PathVariable String chainId) {
        caller.requireChain(chainId, Roles.OPS);
        return Map.of("chainId", chainId, "subject", caller.subject());
    }

    @Post("/chains/{chainId}/actions")
    Map<String, String> act(Caller caller, @PathVariable String chainId) {
        caller.requireChain(chainId, Roles.OPS);
        return Map.of("auditId", audit.record(caller, chainId, "sample.acted", chainId, Map.of("amount", 5)).auditId());
    }

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("com.mongodb.MongoSocketException: secret-host:27017 refused");
    }
}

package io.patronage.kit.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.contracts.audit.AuditRecorded;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /audit?chainId=&from=&to=&limit=}: the ops and admin actions this service performed, oldest first —
 * for ops of the chain and for admins (who may leave out the chain to see every chain's and platform actions).
 */
@Controller("/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditPage(List<AuditRecorded> records, boolean more) {
    }

    @Get
    AuditPage audit(Caller caller, @Nullable @QueryValue String chainId, @Nullable @QueryValue String from,
                    @Nullable @QueryValue String to, @Nullable @QueryValue Integer limit) {
        if (chainId == null) {
            caller.requireRole(Roles.ADMIN);
        } else if (!caller.has(Roles.ADMIN)) {
            caller.requireChain(chainId, Roles.OPS);
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", is " + size);
        }
        List<AuditRecorded> found = trail.find(chainId, instant("from", from), instant("to", to), size + 1);
        return new AuditPage(found.subList(0, Math.min(size, found.size())), found.size() > size);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}

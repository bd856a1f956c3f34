package io.patronage.points.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.JsonBodyErrors;
import io.patronage.kit.json.Json;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.points.errors.PointsException;
import io.patronage.points.program.ProgramJson;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A draft program version tried on a chain's past purchases before it is added; ops of the chain only. */
@Controller("/programs/{chainId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
class WhatIfController {

    private final WhatIf whatIf;
    private final ChainDirectory chains;

    WhatIfController(WhatIf whatIf, ChainDirectory chains) {
        this.whatIf = whatIf;
        this.chains = chains;
    }

    /**
     * {@code {"draft": <program version>, "from": <instant>, "to": <instant>}}: the points the draft would have
     * issued on the chain's purchases of [from, to) against what was issued, per rule and in total; writes nothing.
     */
    @Post("/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    WhatIf.Report whatIf(Caller caller, String chainId, @Body String json) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        JsonNode request;
        try {
            request = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonBodyErrors.invalid("invalid what-if request", e);
        }
        if (request == null || !request.hasNonNull("draft")) {
            throw new PointsException.InvalidRequest("a draft program version is required");
        }
        Instant from = instant(request, "from");
        Instant to = instant(request, "to");
        if (!from.isBefore(to)) {
            throw new PointsException.InvalidRequest("from must be before to");
        }
        return whatIf.rerate(chainId, ProgramJson.parse(request.get("draft").toString()), from, to);
    }

    private static Instant instant(JsonNode request, String field) {
        try {
            return Instant.parse(request.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new PointsException.InvalidRequest(
                    field + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}

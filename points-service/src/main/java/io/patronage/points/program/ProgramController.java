package io.patronage.points.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.JsonBodyErrors;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.json.Json;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.whatif.WhatIf;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Ops manage a chain's program: versions take effect at their {@code effectiveFrom}, never in the past; a draft
 * can be tried on past purchases first ({@code what-if}).
 */
@Controller("/programs/{chainId}")
class ProgramController {

    private final Programs programs;
    private final WhatIf whatIf;
    private final ChainDirectory chains;

    ProgramController(Programs programs, WhatIf whatIf, ChainDirectory chains) {
        this.programs = programs;
        this.whatIf = whatIf;
        this.chains = chains;
    }

    /** The version in force now and every version of the chain, oldest first. */
    @Get
    ChainProgram get(String chainId) {
        return new ChainProgram(chainId, programs.rulesFor(chainId, Instant.now()), programs.versions(chainId));
    }

    @Post("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<ProgramRules> addVersion(String chainId, @Body String json) {
        ChainConfigured chain = chains.require(chainId);
        ProgramRules draft = parse(json);
        if (draft.currency() != null && !draft.currency().equals(chain.currency())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "wrong-currency", "the program's currency "
                    + draft.currency() + " is not the chain's currency " + chain.currency());
        }
        Instant now = Instant.now();
        ProgramRules rules = draft.effectiveFrom().equals(Instant.EPOCH) ? draft.withEffectiveFrom(now) : draft;
        if (rules.effectiveFrom().isBefore(now)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "retroactive-program",
                    "effectiveFrom " + rules.effectiveFrom() + " is in the past: a program change is never retroactive");
        }
        ProgramRules existing = programs.find(chainId, rules.version()).orElse(null);
        if (existing != null) {
            if (existing.equals(rules)) {
                return HttpResponse.ok(existing);
            }
            throw new ProblemException(HttpStatus.CONFLICT, "version-exists",
                    "chain " + chainId + " already has a different version " + rules.version());
        }
        programs.save(chainId, rules);
        return HttpResponse.created(rules);
    }

    /**
     * {@code {"draft": <program version>, "from": <instant>, "to": <instant>}}: the points the draft would have
     * issued on the chain's purchases of [from, to) against what was issued, per rule and in total; writes nothing.
     */
    @Post("/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    WhatIf.Report whatIf(String chainId, @Body String json) {
        chains.require(chainId);
        JsonNode request;
        try {
            request = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonBodyErrors.invalid("invalid what-if request", e);
        }
        if (request == null || !request.hasNonNull("draft")) {
            throw ProblemException.badRequest("a draft program version is required");
        }
        Instant from = instant(request, "from");
        Instant to = instant(request, "to");
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to");
        }
        try {
            return whatIf.rerate(chainId, parse(request.get("draft").toString()), from, to);
        } catch (PointsOverflowException | ArithmeticException e) {
            // the period's totals themselves beyond a long: unreachable within the ledger's limits, still never a 500
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "points-overflow", e.getMessage());
        }
    }

    private static Instant instant(JsonNode request, String field) {
        try {
            return Instant.parse(request.path(field).asText());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    static ProgramRules parse(String json) {
        try {
            ProgramRules rules = Json.mapper().readValue(json, ProgramRules.class);
            if (rules == null) {
                throw ProblemException.badRequest("a program version is required");
            }
            return rules;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw ProblemException.badRequest("invalid program: " + invalid.getMessage());
            }
            throw JsonBodyErrors.invalid("invalid program", e);
        }
    }

    record ChainProgram(String chainId, ProgramRules current, List<ProgramRules> versions) {
    }
}

package io.patronage.points.earning;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.json.Json;

import java.time.Instant;
import java.util.List;

/** Ops manage a chain's program: versions take effect at their {@code effectiveFrom}, never in the past. */
@Controller("/programs/{chainId}")
class ProgramController {

    private final Programs programs;

    ProgramController(Programs programs) {
        this.programs = programs;
    }

    /** The version in force now and every version of the chain, oldest first. */
    @Get
    ChainProgram get(String chainId) {
        return new ChainProgram(chainId, programs.rulesFor(chainId, Instant.now()), programs.versions(chainId));
    }

    @Post("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<ProgramRules> addVersion(String chainId, @Body String json) {
        ProgramRules draft = parse(json);
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

    static ProgramRules parse(String json) {
        try {
            ProgramRules rules = Json.mapper().readValue(json, ProgramRules.class);
            if (rules == null) {
                throw ProblemException.badRequest("a program version is required");
            }
            return rules;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw ProblemException.badRequest("invalid program: " + detail);
        }
    }

    record ChainProgram(String chainId, ProgramRules current, List<ProgramRules> versions) {
    }
}

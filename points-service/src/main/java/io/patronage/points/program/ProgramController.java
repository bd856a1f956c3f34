package io.patronage.points.program;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * Ops manage a chain's program: versions take effect at their {@code effectiveFrom}, never in the past; a draft
 * can be tried on past purchases first ({@code what-if}, served by the what-if capability).
 */
@Controller("/programs/{chainId}")
class ProgramController {

    private final Programs programs;
    private final ChainDirectory chains;

    ProgramController(Programs programs, ChainDirectory chains) {
        this.programs = programs;
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
        ProgramRules draft = ProgramJson.parse(json);
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

    record ChainProgram(String chainId, ProgramRules current, List<ProgramRules> versions) {
    }
}

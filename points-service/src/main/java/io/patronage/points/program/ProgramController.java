package io.patronage.points.program;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

import java.time.Clock;
import java.util.List;

/**
 * Ops manage a chain's program: versions take effect at their {@code effectiveFrom}, never in the past; a draft
 * can be tried on past purchases first ({@code what-if}, served by the what-if capability).
 */
@Controller("/programs/{chainId}")
class ProgramController {

    private final Programs programs;
    private final ProgramVersions versions;
    private final Clock clock;

    ProgramController(Programs programs, ProgramVersions versions, Clock clock) {
        this.clock = clock;
        this.programs = programs;
        this.versions = versions;
    }

    /** The version in force now and every version of the chain, oldest first. */
    @Get
    ChainProgram get(String chainId) {
        return new ChainProgram(chainId, programs.rulesFor(chainId, clock.instant()), programs.versions(chainId));
    }

    @Post("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<ProgramRules> addVersion(String chainId, @Body String json) {
        ProgramVersions.Added added = versions.add(chainId, json);
        return added.created() ? HttpResponse.created(added.rules()) : HttpResponse.ok(added.rules());
    }

    record ChainProgram(String chainId, ProgramRules current, List<ProgramRules> versions) {
    }
}

package io.patronage.points.program;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops manage a chain's program: versions take effect at their {@code effectiveFrom}, never in the past; a draft
 * can be tried on past purchases first ({@code what-if}, served by the what-if capability). Ops of the chain manage
 * it, its analysts read it; another chain's token is a 403.
 */
@Controller("/programs/{chainId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProgramController {

    private final Programs programs;
    private final ProgramVersions versions;
    private final Clock clock;
    private final AuditTrail audit;

    ProgramController(Programs programs, ProgramVersions versions, Clock clock, AuditTrail audit) {
        this.clock = clock;
        this.programs = programs;
        this.versions = versions;
        this.audit = audit;
    }

    /** The version in force now and every version of the chain, oldest first. */
    @Get
    ChainProgram get(Caller caller, String chainId) {
        caller.requireChain(chainId, Roles.OPS, Roles.ANALYST);
        return new ChainProgram(chainId, programs.rulesFor(chainId, clock.instant()), programs.versions(chainId));
    }

    /** A new version is audited ({@code program.version-added}); the same one again changes nothing. */
    @Post("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<ProgramRules> addVersion(Caller caller, String chainId, @Body String json) {
        caller.requireChain(chainId, Roles.OPS);
        ProgramVersions.Added added = versions.add(chainId, json);
        if (!added.created()) {
            return HttpResponse.ok(added.rules());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", added.rules().version());
        details.put("effectiveFrom", String.valueOf(added.rules().effectiveFrom()));
        audit.record(caller, chainId, "program.version-added", chainId, details);
        return HttpResponse.created(added.rules());
    }

    record ChainProgram(String chainId, ProgramRules current, List<ProgramRules> versions) {
    }
}

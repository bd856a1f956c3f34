package io.patronage.enrollment.selfservice;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.enrollment.profile.MemberAccess;
import io.patronage.enrollment.profile.MemberProfile;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.security.Caller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A member's own membership: for the member themself and for ops of the member's chain (anyone else: the unknown
 * member's 404). What ops do on a member's behalf is audited with the token's subject as the actor, and so is every
 * erasure; the audit names what changed, never the personal values.
 */
@Controller("/members/{memberId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SelfServiceController {

    private final SelfService selfService;
    private final MemberExport export;
    private final MemberAccess access;
    private final AuditTrail audit;

    SelfServiceController(SelfService selfService, MemberExport export, MemberAccess access, AuditTrail audit) {
        this.selfService = selfService;
        this.export = export;
        this.access = access;
        this.audit = audit;
    }

    @Put("/contact")
    MemberProfile changeContact(Caller caller, @PathVariable String memberId, @Body ContactRequest request) {
        MemberProfile before = access.require(caller, memberId);
        MemberProfile after = selfService.changeContact(memberId, request);
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("email", !Objects.equals(before.email(), after.email()));
        changed.put("phone", !Objects.equals(before.phone(), after.phone()));
        changed.put("address", !Objects.equals(before.address(), after.address()));
        auditOps(caller, after, "member.contact-changed", Map.of("changed", changed));
        return after;
    }

    @Put("/consents")
    MemberProfile changeConsents(Caller caller, @PathVariable String memberId, @Body ConsentsRequest request) {
        access.require(caller, memberId);
        MemberProfile after = selfService.changeConsents(memberId, request);
        auditOps(caller, after, "member.consents-changed", Map.of("marketingEmail", after.consents().marketingEmail(),
                "marketingSms", after.consents().marketingSms()));
        return after;
    }

    @Post("/card-replacement")
    MemberProfile replaceCard(Caller caller, @PathVariable String memberId) {
        MemberProfile before = access.require(caller, memberId);
        MemberProfile after = selfService.replaceCard(memberId);
        auditOps(caller, after, "member.card-replaced", Map.of("oldCardNumber", before.cardNumber(),
                "newCardNumber", after.cardNumber()));
        return after;
    }

    @Post("/opt-out")
    MemberProfile optOut(Caller caller, @PathVariable String memberId) {
        access.require(caller, memberId);
        MemberProfile after = selfService.optOut(memberId);
        auditOps(caller, after, "member.opted-out", Map.of());
        return after;
    }

    @Get("/export")
    MemberExport.Export export(Caller caller, @PathVariable String memberId) {
        MemberProfile member = access.require(caller, memberId);
        MemberExport.Export exported = export.export(memberId);
        auditOps(caller, member, "member.exported", Map.of());
        return exported;
    }

    /** Audited whoever asks: the record of an erasure outlives the member's data (it holds none of it). */
    @Delete
    HttpResponse<Void> erase(Caller caller, @PathVariable String memberId) {
        MemberProfile member = access.require(caller, memberId);
        selfService.erase(memberId);
        audit.record(caller, member.chainId(), "member.erased", memberId,
                Map.of("byMember", caller.isMember(memberId)));
        return HttpResponse.noContent();
    }

    /** An action ops took on the member's behalf; the member's own actions are their membership, not audited. */
    private void auditOps(Caller caller, MemberProfile member, String action, Map<String, Object> details) {
        if (!caller.isMember(member.memberId())) {
            audit.record(caller, member.chainId(), action, member.memberId(), details);
        }
    }
}

package io.patronage.rewards.redemption;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.rewards.members.MemberDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.net.URI;
import java.util.Map;

/**
 * A member redeems for themself, or ops of their chain on their behalf (audited); a redemption is seen by its member
 * and by ops of its chain. Anyone else is answered exactly as for an unknown member or redemption.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RedemptionController {

    private final RedemptionRequests requests;
    private final RedemptionViews redemptions;
    private final MemberDirectory members;
    private final AuditTrail audit;

    RedemptionController(RedemptionRequests requests, RedemptionViews redemptions, MemberDirectory members,
                         AuditTrail audit) {
        this.requests = requests;
        this.redemptions = redemptions;
        this.members = members;
        this.audit = audit;
    }

    @Introspected
    record RedemptionRequest(@NotBlank String rewardId) {
    }

    /** Accepted, not done: points-service still has to debit the points. Follow the Location to see the outcome. */
    @Post("/members/{memberId}/redemptions")
    HttpResponse<RedemptionRequests.Accepted> redeem(Caller caller,
                                                     @PathVariable String memberId,
                                                     @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                                     @Valid @Body RedemptionRequest request) {
        String chainId = members.chainOf(memberId).filter(chain -> caller.maySeeMember(memberId, chain, Roles.OPS))
                .orElseThrow(() -> ProblemException.notFound("member", memberId));
        RedemptionRequests.Accepted accepted = requests.request(memberId, request.rewardId(), idempotencyKey);
        if (!caller.isMember(memberId) && !accepted.repeated()) { // a repeated key redeemed nothing more
            audit.record(caller, chainId, "reward.redeemed-by-ops", memberId, Map.of("rewardId", request.rewardId(),
                    "redemptionId", accepted.redemptionId()));
        }
        return HttpResponse.accepted(URI.create("/redemptions/" + accepted.redemptionId())).body(accepted);
    }

    @Get("/redemptions/{redemptionId}")
    RedemptionView redemption(Caller caller, @PathVariable String redemptionId) {
        return redemptions.find(redemptionId)
                .filter(found -> caller.isMember(found.memberId()) || members.chainOf(found.memberId())
                        .filter(chain -> caller.actsFor(chain, Roles.OPS)).isPresent())
                .orElseThrow(() -> ProblemException.notFound("redemption", redemptionId));
    }
}

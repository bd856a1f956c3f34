package io.patronage.rewards.redemption;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.kit.http.ProblemException;
import io.patronage.rewards.catalog.Reward;
import io.patronage.rewards.catalog.RewardCatalog;
import io.patronage.rewards.members.MemberDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RedemptionController {

    private final MemberDirectory members;
    private final RewardCatalog catalog;
    private final CommandGateway commands;
    private final RedemptionViews redemptions;
    private final Clock clock;

    RedemptionController(MemberDirectory members, RewardCatalog catalog, CommandGateway commands,
                         RedemptionViews redemptions, Clock clock) {
        this.clock = clock;
        this.members = members;
        this.catalog = catalog;
        this.commands = commands;
        this.redemptions = redemptions;
    }

    @Introspected
    record RedemptionRequest(@NotBlank String rewardId) {
    }

    record RedemptionAccepted(String redemptionId, RedemptionView.Status status) {
    }

    /** Accepted, not done: points-service still has to debit the points. Follow the Location to see the outcome. */
    @Post("/members/{memberId}/redemptions")
    HttpResponse<RedemptionAccepted> redeem(@PathVariable String memberId, @Valid @Body RedemptionRequest request) {
        String chainId = members.chainOf(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        Reward reward = catalog.find(request.rewardId(), chainId)
                .orElseThrow(() -> ProblemException.notFound("reward", request.rewardId()));
        String redemptionId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestRedemption(redemptionId, memberId, chainId, reward.id(), reward.pointsCost(),
                reward.couponValidityDays(), clock.instant()));
        return HttpResponse.accepted(URI.create("/redemptions/" + redemptionId))
                .body(new RedemptionAccepted(redemptionId, RedemptionView.Status.PENDING));
    }

    @Get("/redemptions/{redemptionId}")
    RedemptionView redemption(@PathVariable String redemptionId) {
        return redemptions.find(redemptionId).orElseThrow(() -> ProblemException.notFound("redemption", redemptionId));
    }
}

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
import io.patronage.kit.http.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.net.URI;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class RedemptionController {

    private final RedemptionRequests requests;
    private final RedemptionViews redemptions;

    RedemptionController(RedemptionRequests requests, RedemptionViews redemptions) {
        this.requests = requests;
        this.redemptions = redemptions;
    }

    @Introspected
    record RedemptionRequest(@NotBlank String rewardId) {
    }

    /** Accepted, not done: points-service still has to debit the points. Follow the Location to see the outcome. */
    @Post("/members/{memberId}/redemptions")
    HttpResponse<RedemptionRequests.Accepted> redeem(@PathVariable String memberId,
                                                     @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                                     @Valid @Body RedemptionRequest request) {
        RedemptionRequests.Accepted accepted = requests.request(memberId, request.rewardId(), idempotencyKey);
        return HttpResponse.accepted(URI.create("/redemptions/" + accepted.redemptionId())).body(accepted);
    }

    @Get("/redemptions/{redemptionId}")
    RedemptionView redemption(@PathVariable String redemptionId) {
        return redemptions.find(redemptionId).orElseThrow(() -> ProblemException.notFound("redemption", redemptionId));
    }
}

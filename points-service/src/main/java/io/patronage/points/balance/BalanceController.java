package io.patronage.points.balance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.time.Instant;

/**
 * A member's points: {@link BalanceQueries} reads them, {@link AdjustmentService} corrects them,
 * {@link RedemptionService} spends them for a till or an operator.
 */
@Controller("/members/{memberId}/points")
class BalanceController {

    private final BalanceQueries queries;
    private final AdjustmentService adjustments;
    private final RedemptionService redemptions;

    BalanceController(BalanceQueries queries, AdjustmentService adjustments, RedemptionService redemptions) {
        this.queries = queries;
        this.adjustments = adjustments;
        this.redemptions = redemptions;
    }

    @Get("{?asOf}")
    PointsBalance balance(String memberId, @Nullable @QueryValue String asOf) {
        return queries.balance(memberId, asOf);
    }

    @Get("/lots")
    BalanceQueries.MemberLots lots(String memberId) {
        return queries.lots(memberId);
    }

    @Get("/transactions/{transactionId}")
    TransactionExplanation transaction(String memberId, String transactionId) {
        return queries.transaction(memberId, transactionId);
    }

    @Get("/statement{?page,size}")
    BalanceQueries.Statement statement(String memberId, @Nullable Integer page, @Nullable Integer size) {
        return queries.statement(memberId, page, size);
    }

    @Post("/adjustments")
    HttpResponse<AdjustmentResult> adjust(String memberId, @Body AdjustmentRequest request) {
        AdjustmentService.Adjusted adjusted = adjustments.adjust(memberId, request.adjustmentId(), request.points(),
                request.reason(), request.actor(), request.expiresAt());
        return HttpResponse.created(new AdjustmentResult(memberId, adjusted.adjustmentId(), adjusted.points(),
                adjusted.balance()));
    }

    /** 201 for a new redemption, 200 for a request answered before (the same answer). */
    @Post("/redemptions")
    HttpResponse<RedemptionResult> redeem(String memberId, @Body RedemptionRequest request) {
        RedemptionService.Redeemed redeemed = redemptions.redeem(memberId, request.requestId(), request.points(),
                request.reason());
        RedemptionResult result = new RedemptionResult(memberId, redeemed.requestId(), redeemed.requested(),
                redeemed.redeemed(), redeemed.balance());
        return redeemed.repeated() ? HttpResponse.ok(result) : HttpResponse.created(result);
    }

    record RedemptionRequest(String requestId, Long points, String reason) {
    }

    record RedemptionResult(String memberId, String requestId, long requested, long redeemed, long balance) {
    }

    record AdjustmentRequest(String adjustmentId, Long points, String reason, String actor, Instant expiresAt) {
    }

    record AdjustmentResult(String memberId, String adjustmentId, long points, long balance) {
    }
}

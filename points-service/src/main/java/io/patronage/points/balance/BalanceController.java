package io.patronage.points.balance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import io.patronage.points.program.ProgramCatalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's points: {@link BalanceQueries} reads them, {@link AdjustmentService} corrects them,
 * {@link RedemptionService} spends them for the member or an operator. Every call is the member's own or made by a
 * role of the member's chain ({@link MemberAccess}); anyone else gets the 404 of an unknown member.
 */
@Controller("/members/{memberId}/points")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class BalanceController {

    private final BalanceQueries queries;
    private final AdjustmentService adjustments;
    private final RedemptionService redemptions;
    private final MemberAccess access;
    private final ProgramCatalog programs;
    private final AuditTrail audit;

    BalanceController(BalanceQueries queries, AdjustmentService adjustments, RedemptionService redemptions,
                      MemberAccess access, ProgramCatalog programs, AuditTrail audit) {
        this.programs = programs;
        this.queries = queries;
        this.adjustments = adjustments;
        this.redemptions = redemptions;
        this.access = access;
        this.audit = audit;
    }

    /** The member, ops of their chain, or a till ({@code pos}) of their chain, which shows the balance. */
    @Get("{?asOf}")
    PointsBalance balance(Caller caller, String memberId, @Nullable @QueryValue String asOf) {
        access.memberOr(caller, memberId, Roles.OPS, Roles.POS);
        return queries.balance(memberId, asOf);
    }

    @Get("/lots")
    BalanceQueries.MemberLots lots(Caller caller, String memberId) {
        access.memberOr(caller, memberId, Roles.OPS);
        return queries.lots(memberId);
    }

    @Get("/transactions/{transactionId}")
    TransactionExplanation transaction(Caller caller, String memberId, String transactionId) {
        access.memberOr(caller, memberId, Roles.OPS);
        return queries.transaction(memberId, transactionId);
    }

    @Get("/statement{?page,size}")
    BalanceQueries.Statement statement(Caller caller, String memberId, @Nullable Integer page,
                                       @Nullable Integer size) {
        access.memberOr(caller, memberId, Roles.OPS);
        return queries.statement(memberId, page, size);
    }

    /** Ops of the member's chain only (not the member); the token's subject is the audited actor. */
    @Post("/adjustments")
    HttpResponse<AdjustmentResult> adjust(Caller caller, String memberId, @Body AdjustmentRequest request) {
        String chainId = access.chainRole(caller, memberId, Roles.OPS);
        AdjustmentService.Adjusted adjusted = adjustments.adjust(memberId, request.adjustmentId(), request.points(),
                request.reason(), caller.subject(), request.expiresAt(), programs.unit(chainId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("adjustmentId", adjusted.adjustmentId());
        details.put("points", adjusted.points());
        details.put("reason", request.reason());
        if (request.expiresAt() != null) {
            details.put("expiresAt", request.expiresAt().toString());
        }
        audit.record(caller, chainId, "points.adjusted", memberId, details);
        return HttpResponse.created(new AdjustmentResult(memberId, adjusted.adjustmentId(), adjusted.points(),
                adjusted.balance()));
    }

    /**
     * The member themself, or ops of their chain on their behalf (audited). 201 for a new redemption, 200 for a
     * request answered before (the same answer).
     */
    @Post("/redemptions")
    HttpResponse<RedemptionResult> redeem(Caller caller, String memberId, @Body RedemptionRequest request) {
        String chainId = access.memberOr(caller, memberId, Roles.OPS);
        RedemptionService.Redeemed redeemed = redemptions.redeem(memberId, request.requestId(), request.points(),
                request.reason(), programs.unit(chainId));
        if (!caller.isMember(memberId) && !redeemed.repeated()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("requestId", redeemed.requestId());
            details.put("requested", redeemed.requested());
            details.put("redeemed", redeemed.redeemed());
            details.put("reason", request.reason());
            audit.record(caller, chainId, "points.redeemed-by-ops", memberId, details);
        }
        RedemptionResult result = new RedemptionResult(memberId, redeemed.requestId(), redeemed.requested(),
                redeemed.redeemed(), redeemed.balance());
        return redeemed.repeated() ? HttpResponse.ok(result) : HttpResponse.created(result);
    }

    /** Points in the chain's points: whole, or with at most the decimals its program keeps. */
    record RedemptionRequest(String requestId, BigDecimal points, String reason) {
    }

    record RedemptionResult(String memberId, String requestId, BigDecimal requested, BigDecimal redeemed,
                            BigDecimal balance) {
    }

    /** A body still carrying the former free-text {@code actor} is accepted; the field is ignored. */
    record AdjustmentRequest(String adjustmentId, BigDecimal points, String reason, Instant expiresAt) {
    }

    record AdjustmentResult(String memberId, String adjustmentId, BigDecimal points, BigDecimal balance) {
    }
}

package io.patronage.points.balance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.patronage.kit.http.ProblemException;
import io.patronage.points.account.AccountView;
import io.patronage.points.account.DescribeAccount;
import io.patronage.points.adjustments.AdjustPoints;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.LedgerLimits;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.returns.PointsReversed;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A member's points. An account whose log holds a poisoned event (beyond the ledger's limits, stored by an older
 * version) is frozen at it: its balance, statement and any balance as of an instant after that event answer
 * {@code 409 account-frozen} with the event and the reason, never a wrapped number.
 */
@Controller("/members/{memberId}/points")
class BalanceController {

    static final int EXPIRING_WITHIN_DAYS = 30;

    private final BalanceStore balances;
    private final AccountHistory history;
    private final CommandGateway commands;

    BalanceController(BalanceStore balances, AccountHistory history, CommandGateway commands) {
        this.balances = balances;
        this.history = history;
        this.commands = commands;
    }

    @Get("{?asOf}")
    PointsBalance balance(String memberId, @Nullable @QueryValue String asOf) {
        if (asOf != null) {
            return balanceAsOf(memberId, instant(asOf));
        }
        Balance balance = balances.find(memberId)
                .orElseThrow(() -> ProblemException.notFound("points account for member", memberId));
        Instant now = Instant.now();
        AccountView view;
        try {
            view = commands.sendAndWait(new DescribeAccount(memberId, now));
        } catch (AggregateNotFoundException e) {
            throw ProblemException.notFound("points account for member", memberId);
        } catch (PointsOverflowException e) {
            throw frozen(e);
        }
        Instant horizon = now.plus(Duration.ofDays(EXPIRING_WITHIN_DAYS));
        long expiring = view.lots().stream().filter(lot -> lot.expiredAt(horizon)).mapToLong(lot -> lot.remaining())
                .reduce(0, LedgerLimits::add);
        return new PointsBalance(balance.memberId(), balance.balance(), balance.lifetimeEarned(),
                balance.lifetimeRedeemed(), view.available(), view.pending(), view.debt(), expiring,
                EXPIRING_WITHIN_DAYS, view.tier(), view.nextTier(), view.toNextTier(), null);
    }

    /** The log folded up to {@code asOf}: what the balance was then. */
    private PointsBalance balanceAsOf(String memberId, Instant asOf) {
        Balance balance = null;
        for (AccountHistory.Entry entry : history.of(memberId)) {
            if (entry.at().isAfter(asOf)) {
                break;
            }
            try {
                balance = Balance.fold(balance, entry.event(), entry.sequence());
            } catch (PointsOverflowException e) {
                throw frozen(e);
            }
        }
        if (balance == null) {
            throw ProblemException.notFound("points account as of " + asOf + " for member", memberId);
        }
        return new PointsBalance(memberId, balance.balance(), balance.lifetimeEarned(), balance.lifetimeRedeemed(),
                null, null, null, null, null, null, null, null, asOf);
    }

    /** How a transaction's points came about: the rule version, the per-rule breakdown and any returns. */
    @Get("/transactions/{transactionId}")
    TransactionExplanation transaction(String memberId, String transactionId) {
        PointsEarned earned = null;
        List<PointsReversed> returns = new ArrayList<>();
        for (AccountHistory.Entry entry : history.of(memberId)) {
            if (entry.event() instanceof PointsEarned e && e.transactionId().equals(transactionId)) {
                earned = e;
            } else if (entry.event() instanceof PointsReversed r && r.originalTransactionId().equals(transactionId)) {
                returns.add(r);
            }
        }
        if (earned == null) {
            throw ProblemException.notFound("earning of member " + memberId + " on transaction", transactionId);
        }
        return TransactionExplanation.of(earned, returns);
    }

    @Get("/statement{?page,size}")
    Statement statement(String memberId, @Nullable Integer page, @Nullable Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageNumber < 0 || pageSize < 1 || pageSize > 200) {
            throw ProblemException.badRequest("page must be 0 or more and size between 1 and 200");
        }
        List<AccountHistory.Entry> entries = history.of(memberId);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("points account for member", memberId);
        }
        List<StatementLine> lines;
        try {
            lines = new ArrayList<>(StatementLine.of(entries));
        } catch (PointsOverflowException e) {
            throw frozen(e);
        }
        java.util.Collections.reverse(lines);
        int from = Math.min(lines.size(), pageNumber * pageSize);
        return new Statement(memberId, pageNumber, pageSize, lines.size(),
                lines.subList(from, Math.min(lines.size(), from + pageSize)));
    }

    @Post("/adjustments")
    HttpResponse<AdjustmentResult> adjust(String memberId, @Body AdjustmentRequest request) {
        String adjustmentId = request.adjustmentId() == null ? UUID.randomUUID().toString() : request.adjustmentId();
        long points = request.points() == null ? 0 : request.points();
        try {
            long balance = commands.sendAndWait(new AdjustPoints(memberId, adjustmentId, points, request.reason(),
                    request.actor(), Instant.now()));
            return HttpResponse.created(new AdjustmentResult(memberId, adjustmentId, points, balance));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw ProblemException.notFound("points account for member", memberId);
        } catch (IllegalStateException | CommandExecutionException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "adjustment-refused", e.getMessage());
        }
    }

    private static ProblemException frozen(PointsOverflowException e) {
        return new ProblemException(HttpStatus.CONFLICT, "account-frozen", e.getMessage());
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf must be an ISO-8601 instant such as 2026-11-27T10:15:00Z: " + value);
        }
    }

    record AdjustmentRequest(String adjustmentId, Long points, String reason, String actor) {
    }

    record AdjustmentResult(String memberId, String adjustmentId, long points, long balance) {
    }

    record Statement(String memberId, int page, int size, int total, List<StatementLine> lines) {
    }
}

package io.patronage.points.balance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.errors.PointsException;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.returns.PointsReversed;
import jakarta.inject.Singleton;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a member's points look like: the balance now or as of an instant, the statement a page at a time, how a
 * transaction's points came about. An account whose log holds a poisoned event (beyond the ledger's limits, stored
 * by an older version) is frozen at it: its balance, statement and any balance as of an instant after that event are
 * refused as {@link PointsException.AccountFrozen} with the event and the reason, never a wrapped number.
 */
@Singleton
public class BalanceQueries {

    static final int EXPIRING_WITHIN_DAYS = 30;
    /** The most lines a statement page holds. */
    public static final int MAX_PAGE_SIZE = 200;
    private static final String ACCOUNT = "points account for member";

    private final BalanceStore balances;
    private final AccountHistory history;
    private final ProgramCatalog programs;
    private final EventStore eventStore;
    private final Clock clock;

    BalanceQueries(BalanceStore balances, AccountHistory history, ProgramCatalog programs, EventStore eventStore,
                   Clock clock) {
        this.clock = clock;
        this.balances = balances;
        this.history = history;
        this.programs = programs;
        this.eventStore = eventStore;
    }

    /**
     * The balance now, or with {@code asOf} (an ISO-8601 instant) as the log had it then. Now, every figure comes from
     * one read of the member's document in the read model, at one instant.
     */
    public PointsBalance balance(String memberId, String asOf) {
        if (asOf != null) {
            return balanceAsOf(memberId, instant(asOf));
        }
        MemberPoints points = document(memberId);
        Instant now = clock.instant();
        ProgramRules rules = programs.rulesFor(points.balance().chainId(), now);
        if (!points.covers(rules.tiers(), now)) {
            points = foldedAgain(points, null);
        }
        try {
            return points.at(now, rules, EXPIRING_WITHIN_DAYS);
        } catch (PointsOverflowException e) {
            throw new PointsException.AccountFrozen(e.getMessage());
        }
    }

    /**
     * The member's open lots now, from one read of the member's document in the read model, soonest expiry first
     * (never-expiring last), then oldest earned first.
     */
    public MemberLots lots(String memberId) {
        try {
            MemberPoints points = document(memberId);
            return new MemberLots(memberId, points.byExpiry(programs.unit(points.balance().chainId())));
        } catch (PointsOverflowException e) {
            throw new PointsException.AccountFrozen(e.getMessage());
        }
    }

    /** The member's document in the read model, folded again from the log if it does not answer every figure. */
    private MemberPoints document(String memberId) {
        MemberPoints points = balances.read(memberId)
                .orElseThrow(() -> new PointsException.NotFound(ACCOUNT, memberId));
        if (!points.complete() || !points.balance().withinLimits()) {
            points = foldedAgain(points, MemberPoints.ACTIVITY_KEPT);
        }
        return points;
    }

    /**
     * A document an older version wrote (without the lots or their origins) or wrapped, or one whose activity does not
     * reach back over a tier window (longer than {@link MemberPoints#ACTIVITY_KEPT}), folded again from the log up to
     * its version, keeping the activity of the last {@code kept} ({@code null}: all). One without the lots (or their
     * origins) is completed in the store, unless
     * it changed meanwhile (then the projection wrote it whole).
     */
    private MemberPoints foldedAgain(MemberPoints stored, Duration kept) {
        String memberId = stored.balance().memberId();
        MemberPoints folded = MemberPoints.replay(eventStore.readEvents(memberId, 0).asStream(), stored.version(),
                reason -> { }, kept);
        if (folded == null) {
            throw new PointsException.NotFound(ACCOUNT, memberId);
        }
        if (!stored.complete() && kept != null && folded.version() == stored.version()) {
            balances.complete(folded);
        }
        return folded;
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
                throw new PointsException.AccountFrozen(e.getMessage());
            }
        }
        if (balance == null) {
            throw new PointsException.NotFound("points account as of " + asOf + " for member", memberId);
        }
        return PointsBalance.asOf(balance, programs.unit(balance.chainId()), asOf);
    }

    /** How a transaction's points came about: the rule version, the per-rule breakdown and any returns. */
    public TransactionExplanation transaction(String memberId, String transactionId) {
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
            throw new PointsException.NotFound("earning of member " + memberId + " on transaction", transactionId);
        }
        return TransactionExplanation.of(earned, returns, programs.unit(earned.chainId()));
    }

    /** Page {@code page} (default 0) of {@code size} lines (default 20, at most {@value #MAX_PAGE_SIZE}), newest first. */
    public Statement statement(String memberId, Integer page, Integer size) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new PointsException.InvalidRequest("size must be between 1 and " + MAX_PAGE_SIZE
                    + " (the most lines a page holds), is " + pageSize);
        }
        if (pageNumber < 0) {
            throw new PointsException.InvalidRequest("page must be 0 or more, is " + pageNumber);
        }
        List<AccountHistory.Entry> entries = history.of(memberId);
        if (entries.isEmpty()) {
            throw new PointsException.NotFound(ACCOUNT, memberId);
        }
        List<StatementLine> lines;
        try {
            lines = new ArrayList<>(StatementLine.of(entries, programs.unit(balances.chainOf(memberId)
                    .orElseThrow(() -> new PointsException.NotFound(ACCOUNT, memberId)))));
        } catch (PointsOverflowException e) {
            throw new PointsException.AccountFrozen(e.getMessage());
        }
        Collections.reverse(lines);
        int from = (int) Math.min(lines.size(), (long) pageNumber * pageSize);
        return new Statement(memberId, pageNumber, pageSize, lines.size(),
                lines.subList(from, Math.min(lines.size(), from + pageSize)));
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PointsException.InvalidRequest(
                    "asOf must be an ISO-8601 instant such as 2026-11-27T10:15:00Z: " + value);
        }
    }

    /** {@code GET /members/{memberId}/points/lots}; a member without open lots has an empty list, not none. */
    public record MemberLots(String memberId, @JsonInclude(JsonInclude.Include.ALWAYS) List<PointsLot> lots) {
    }

    /** One page of the statement; {@code total} counts every line. */
    public record Statement(String memberId, int page, int size, int total, List<StatementLine> lines) {
    }
}

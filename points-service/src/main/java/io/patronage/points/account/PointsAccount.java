package io.patronage.points.account;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.points.earning.AccountStanding;
import io.patronage.points.earning.EarningOutcome;
import io.patronage.points.earning.EarningPolicy;
import io.patronage.points.earning.ProgramCatalog;
import io.patronage.points.earning.ProgramRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's points ledger. Command handlers decide; event sourcing handlers only fold events into state:
 * the open lots (oldest earned first), the transactions already earned on and the redemption requests
 * already answered, so that neither a redelivered purchase nor a repeated request counts twice.
 */
public class PointsAccount {

    @AggregateIdentifier
    private String memberId;
    private String chainId;
    private LocalDate birthDate;
    private long balance;
    private final List<OpenLot> lots = new ArrayList<>();
    private final Set<String> processedTransactions = new HashSet<>();
    private final Map<String, AnsweredRequest> answeredRequests = new HashMap<>();

    protected PointsAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenPointsAccount command) {
        if (memberId != null) {
            return;
        }
        apply(new PointsAccountOpened(command.memberId(), command.chainId(), command.cardNumber(),
                command.birthDate(), command.locale(), command.enrolledAt()));
    }

    @CommandHandler
    void handle(EarnPoints command, ProgramCatalog programs) {
        PosTransaction transaction = command.transaction();
        String transactionKey = transactionKey(transaction.chainId(), transaction.transactionId());
        if (processedTransactions.contains(transactionKey)) {
            return;
        }
        Instant occurredAt = transaction.occurredAt().toInstant();
        ProgramRules rules = programs.rulesFor(chainId, occurredAt);
        EarningOutcome outcome = EarningPolicy.earn(rules,
                new AccountStanding(birthDate, processedTransactions.size()), transaction);
        Lot lot = outcome.points() > 0 ? new Lot(transactionKey, outcome.points(), occurredAt) : null;
        apply(new PointsEarned(memberId, transaction.chainId(), transaction.transactionId(), transaction.storeId(),
                transaction.currency(), transaction.total(), outcome.eligibleAmount(), outcome.points(),
                outcome.ruleVersion(), outcome.breakdown(), transaction.occurredAt(), lot,
                balance + outcome.points()));
    }

    @CommandHandler
    AnsweredRequest handle(RedeemPoints command) {
        AnsweredRequest earlier = answeredRequests.get(command.requestId());
        if (earlier != null) {
            return earlier;
        }
        if (command.points() <= 0) {
            apply(rejection(command, RejectionReason.INVALID_POINTS));
        } else if (command.points() > balance) {
            apply(rejection(command, RejectionReason.INSUFFICIENT_POINTS));
        } else {
            apply(new PointsRedeemed(memberId, chainId, command.requestId(), command.points(), command.reason(),
                    oldestFirst(command.points()), balance - command.points()));
        }
        return null;
    }

    private PointsRedemptionRejected rejection(RedeemPoints command, RejectionReason reason) {
        return new PointsRedemptionRejected(memberId, chainId, command.requestId(), command.points(), reason, balance);
    }

    private List<LotDebit> oldestFirst(long points) {
        List<LotDebit> debits = new ArrayList<>();
        long left = points;
        for (OpenLot lot : lots) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.remaining());
            debits.add(new LotDebit(lot.lotId(), taken));
            left -= taken;
        }
        return debits;
    }

    @EventSourcingHandler
    void on(PointsAccountOpened event) {
        memberId = event.memberId();
        chainId = event.chainId();
        birthDate = event.birthDate();
    }

    @EventSourcingHandler
    void on(PointsEarned event) {
        processedTransactions.add(transactionKey(event.chainId(), event.transactionId()));
        Lot lot = event.lot();
        if (lot != null) {
            int position = 0;
            while (position < lots.size() && !lots.get(position).earnedAt().isAfter(lot.earnedAt())) {
                position++;
            }
            lots.add(position, new OpenLot(lot.lotId(), lot.earnedAt(), lot.points()));
            balance += lot.points();
        }
    }

    @EventSourcingHandler
    void on(PointsRedeemed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        for (LotDebit debit : event.debits()) {
            for (int i = 0; i < lots.size(); i++) {
                OpenLot lot = lots.get(i);
                if (lot.lotId().equals(debit.lotId())) {
                    long remaining = lot.remaining() - debit.points();
                    if (remaining == 0) {
                        lots.remove(i);
                    } else {
                        lots.set(i, new OpenLot(lot.lotId(), lot.earnedAt(), remaining));
                    }
                    break;
                }
            }
        }
        balance -= event.points();
        answeredRequests.put(event.requestId(), new AnsweredRequest(eventId, at, event));
    }

    @EventSourcingHandler
    void on(PointsRedemptionRejected event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        answeredRequests.put(event.requestId(), new AnsweredRequest(eventId, at, event));
    }

    static String transactionKey(String chainId, String transactionId) {
        return chainId + ":" + transactionId;
    }

    /** A lot with points left to spend. */
    private record OpenLot(String lotId, Instant earnedAt, long remaining) {
    }
}

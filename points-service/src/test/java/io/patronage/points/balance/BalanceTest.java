package io.patronage.points.balance;

import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.program.TierRules;
import io.patronage.points.redemption.PointsRedeemed;
import io.patronage.points.redemption.PointsRedemptionRejected;
import io.patronage.points.redemption.RejectionReason;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BalanceTest {

    private static final List<PointsAccountEvent> HISTORY = List.of(
            new PointsAccountOpened("m-1", "chain-1", "card-1", null, Instant.parse("2026-01-01T00:00:00Z")),
            earned("t-1", 120),
            new PointsRedeemed("m-1", "chain-1", "r-1", 50, "reward", List.of(new LotDebit("chain-1:t-1", 50)), 70),
            new PointsRedemptionRejected("m-1", "chain-1", "r-2", 500, RejectionReason.INSUFFICIENT_POINTS, 70),
            earned("t-2", 0),
            earned("t-3", 30));

    private static PointsEarned earned(String transactionId, long points) {
        return new PointsEarned("m-1", "chain-1", transactionId, "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, points,
                "default-v1", List.of(), OffsetDateTime.parse("2026-02-01T10:00:00+01:00"), null, 0);
    }

    private static List<DomainEventMessage<?>> messages(List<PointsAccountEvent> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("PointsAccount", "m-1", i, events.get(i)));
        }
        return messages;
    }

    @Test
    void replayFoldsTheWholeHistory() {
        Balance balance = Balance.replay(messages(HISTORY).stream(), Long.MAX_VALUE);

        assertEquals(new Balance("m-1", "chain-1", 100, 150, 50, 5), balance);
    }

    @Test
    void replayingEventByEventGivesWhatTheLiveProjectionStores() {
        Balance folded = null;
        for (DomainEventMessage<?> message : messages(HISTORY)) {
            folded = Balance.fold(folded, (PointsAccountEvent) message.getPayload(), message.getSequenceNumber());
        }

        assertEquals(Balance.replay(messages(HISTORY).stream(), Long.MAX_VALUE), folded);
    }

    @Test
    void replayStopsAtTheRequestedEventAndCountsEachSequenceOnce() {
        List<DomainEventMessage<?>> stored = messages(HISTORY);
        List<DomainEventMessage<?>> withStagedCopies = new ArrayList<>(stored);
        withStagedCopies.addAll(stored.subList(1, 3));

        Balance balance = Balance.replay(withStagedCopies.stream(), 2);

        assertEquals(new Balance("m-1", "chain-1", 70, 120, 50, 2), balance);
    }

    @Test
    void aPoisonedEventIsNeverFoldedAndAReplayStopsBeforeIt() {
        List<PointsAccountEvent> poisoned = new ArrayList<>(HISTORY.subList(0, 2));
        poisoned.add(earned("t-max", Long.MAX_VALUE));
        poisoned.add(earned("t-after", 10));
        List<String> reasons = new ArrayList<>();

        Balance balance = Balance.replay(messages(poisoned).stream(), Long.MAX_VALUE, reasons::add);

        assertEquals(new Balance("m-1", "chain-1", 120, 120, 0, 1), balance, "not wrapped to a negative balance");
        assertEquals(List.of("points overflow: event 2 of member m-1, PointsEarned chain-1:t-max credits "
                + "9223372036854775807 points, beyond the ceiling of 1000000000000 per transaction: the account is"
                + " frozen at it"), reasons);
        assertThrows(PointsOverflowException.class, () -> Balance.fold(balance, poisoned.get(2), 2));
    }

    @Test
    void aFrozenAccountsFiguresAreRefused() {
        List<PointsAccountEvent> poisoned = new ArrayList<>(HISTORY.subList(0, 2));
        poisoned.add(earned("t-max", Long.MAX_VALUE));

        MemberPoints points = MemberPoints.replay(messages(poisoned).stream(), Long.MAX_VALUE, reason -> { });

        assertThrows(PointsOverflowException.class, () -> points.at(Instant.now(), ProgramRules.DEFAULT, 30));
    }

    @Test
    void anAccountWithoutEventsHasNoBalance() {
        assertNull(Balance.replay(Stream.empty(), Long.MAX_VALUE));
    }
}

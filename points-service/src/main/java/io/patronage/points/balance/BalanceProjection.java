package io.patronage.points.balance;

import io.patronage.points.account.Poisoned;
import io.patronage.points.expiry.NextReview;
import io.patronage.points.ledger.PointsAccountEvent;
import io.patronage.points.membership.PointsAccountOpened;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the balance read model: the members' absolute figures and what answers the others at any instant
 * ({@link MemberPoints}), written by {@code _id} in one bulk write per unit of work, folded in memory from the
 * document this projection last wrote (one record per member). Events of
 * one member come in order, one command at a time, so that last written balance is the version check: an event
 * that is not its successor is either already applied (skipped) or follows a lost update or events another instance
 * stored (a rebalance), and then the member is folded again from the event store, plus the event at hand, which is
 * stored only when its unit of work commits (self-healing). Without a last written balance (after a restart, or after a
 * rolled back unit of work) the stored document is read once; one written by an older version without the lots is
 * folded again from the event store with the member's next event. Redelivered events write nothing, or the same
 * figures. A member whose log holds a poisoned event (see {@link Balance}) keeps the balance before it; a stored
 * balance beyond the ceiling (written wrapped by an older version) is folded again from the event store.
 */
public class BalanceProjection {

    private static final Logger LOG = LoggerFactory.getLogger(BalanceProjection.class);
    private static final String PENDING = BalanceProjection.class.getName() + ".pending";

    private final BalanceStore store;
    private final EventStore eventStore;
    private final Map<String, MemberPoints> lastWritten;

    /**
     * @param rememberedMembers how many members' last written documents are kept in memory (least recently written
     *                          go first; a forgotten one is read from the store at its member's next event)
     */
    public BalanceProjection(BalanceStore store, EventStore eventStore, int rememberedMembers) {
        this.store = store;
        this.eventStore = eventStore;
        this.lastWritten = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MemberPoints> eldest) {
                return size() > rememberedMembers;
            }
        });
    }

    @EventHandler
    void on(PointsAccountEvent event, @SequenceNumber long sequence) {
        String memberId = event.memberId();
        if (event instanceof PointsAccountOpened opened) {
            if (!lastWritten.containsKey(memberId)) {
                write(BalanceStore.Write.opening(MemberPoints.opened(opened, sequence)));
            }
            return;
        }
        MemberPoints current = lastWritten.get(memberId);
        if (current == null) {
            current = store.read(memberId).orElse(null);
            // the stored document at this very version may be a rolled back write: fold it again to be sure
            if (current != null && current.version() == sequence) {
                current = null;
            }
        }
        if (current != null && !current.balance().withinLimits()) {
            current = null;
        }
        MemberPoints next;
        if (current != null && current.version() >= sequence) {
            if (current.complete()) {
                lastWritten.put(memberId, current);
            }
            return;
        } else if (current != null && current.complete() && current.version() == sequence - 1
                && Poisoned.violation(event) == null) {
            next = MemberPoints.fold(current, event, sequence);
        } else {
            next = MemberPoints.replay(eventStore.readEvents(memberId, 0).asStream(), sequence,
                    reason -> LOG.warn("balance of member {} kept before its poisoned event: {}", memberId, reason));
            if (next == null) {
                return;
            }
            // the event at hand is stored when this unit of work commits: the store ends just before it
            if (next.frozen() == null && next.version() == sequence - 1 && Poisoned.violation(event) == null) {
                next = MemberPoints.fold(next, event, sequence);
            }
        }
        write(new BalanceStore.Write(next, NextReview.of(event)));
    }

    /**
     * Within a unit of work, the balances are written together in one bulk write when the root commits (before
     * anything is published after the commit); a rollback forgets them, so the next event reads the document.
     */
    private void write(BalanceStore.Write write) {
        String memberId = write.memberId();
        lastWritten.put(memberId, write.points());
        if (!CurrentUnitOfWork.isStarted()) {
            writeNow(List.of(write));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, BalanceStore.Write> pending = root.getOrComputeResource(PENDING, key -> {
            Map<String, BalanceStore.Write> writes = new LinkedHashMap<>();
            root.onCommit(unitOfWork -> writeNow(writes.values()));
            root.onRollback(unitOfWork -> writes.keySet().forEach(lastWritten::remove));
            return writes;
        });
        pending.merge(memberId, write, (earlier, later) -> earlier.then(later.points(), later.reviewAt()));
    }

    /** An opening that found its member's document already there did not write: read the document next time. */
    private void writeNow(Collection<BalanceStore.Write> writes) {
        store.writeAll(writes).forEach(lastWritten::remove);
    }
}

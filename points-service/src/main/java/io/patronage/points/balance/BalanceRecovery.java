package io.patronage.points.balance;

import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.kit.publication.StoredEventsRecovery;
import io.patronage.points.expiry.NextReview;
import io.patronage.points.ledger.PointsAccountEvent;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Brings the balances up to date with what a crashed instance stored. The balance projection writes in the unit of
 * work that appends the events, after the append: a {@code kill -9} between the two leaves a member's events stored
 * and their balance without them, and nothing writes it again — the till record is delivered again, but the account
 * has its transaction and stores nothing new — until the member's next event heals it. The kit calls this with the
 * instance's publication checkpoint (every event it stored before was handled), at this instance's start for its own
 * previous run or once a dead instance's checkpoint is claimed: one ordered pass over the events stored since then
 * finds the members the crashed instance stored events of, and each whose document is behind their last event is
 * folded again from their log and written, unless its document changed since it was read (then whoever wrote it
 * folded the same log). Each such member's next review is brought forward to what the crashed instance's events
 * need (a lot's notice or expiry), even where a later event's handler wrote the figures since: it scheduled only
 * its own event's review. Running it twice writes nothing new the second time; a member that fails is logged and
 * left to their next event or a rebuild, so as not to hold back the others or the publication that follows.
 */
@Singleton
public class BalanceRecovery implements StoredEventsRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(BalanceRecovery.class);

    private final EventStorageEngine storage;
    private final BalanceStore store;

    BalanceRecovery(EventStorageEngine storage, BalanceStore store) {
        this.storage = storage;
        this.store = store;
    }

    /** A member the crashed instance stored events of: their last event since the checkpoint, and the earliest review. */
    private record Touched(long lastSequence, Instant reviewAt) {

        Touched and(Touched later) {
            return new Touched(Math.max(lastSequence, later.lastSequence), reviewAt == null
                    || (later.reviewAt != null && later.reviewAt.isBefore(reviewAt)) ? later.reviewAt : reviewAt);
        }
    }

    @Override
    public void recover(Instant since, String storedBy) {
        long start = System.nanoTime();
        Map<String, Touched> touched = new LinkedHashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(storage.createTokenAt(since), false)) {
            events.filter(DomainEventMessage.class::isInstance).map(event -> (DomainEventMessage<?>) event)
                    .filter(event -> storedBy == null
                            || storedBy.equals(event.getMetaData().get(PublicationRecovery.STORED_BY)))
                    .filter(event -> event.getPayload() instanceof PointsAccountEvent)
                    .forEach(event -> touched.merge(event.getAggregateIdentifier(),
                            new Touched(event.getSequenceNumber(), NextReview.of((PointsAccountEvent) event.getPayload())),
                            Touched::and));
        }
        Map<String, Long> versions = store.versions(touched.keySet());
        int written = 0;
        int failed = 0;
        for (Map.Entry<String, Touched> member : touched.entrySet()) {
            Long version = versions.get(member.getKey());
            try {
                if ((version == null || version < member.getValue().lastSequence())
                        && bringUpToDate(member.getKey(), version, member.getValue().reviewAt())) {
                    written++;
                }
            } catch (RuntimeException e) {
                // one member's failure must not hold back the others' recovery, nor the publication after it
                failed++;
                LOG.error("balance of member {} not brought up to date after the crash of {}; its next event or a"
                        + " rebuild will", member.getKey(), storedBy, e);
            }
        }
        // a document written since by an instance that handled a later event has the figures, not this review
        Map<String, Instant> reviews = new LinkedHashMap<>();
        touched.forEach((memberId, member) -> {
            if (member.reviewAt() != null) {
                reviews.put(memberId, member.reviewAt());
            }
        });
        store.keepEarliestReviews(reviews);
        LOG.info("balances of {} members stored since {} by {} checked, {} written, {} failed ({} ms)", touched.size(),
                since, storedBy == null ? "any instance" : storedBy, written, failed,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** @param storedVersion the version of the member's document, {@code null}: none */
    private boolean bringUpToDate(String memberId, Long storedVersion, Instant reviewAt) {
        MemberPoints replayed = MemberPoints.replay(storage.readEvents(memberId, 0).asStream(), Long.MAX_VALUE,
                reason -> LOG.warn("balance of member {} kept before its poisoned event: {}", memberId, reason));
        if (replayed == null || (storedVersion != null && storedVersion >= replayed.version())) {
            return false;
        }
        boolean written = store.writeUnlessChanged(replayed, storedVersion, reviewAt);
        if (written) {
            LOG.warn("balance of member {} brought up to date with the events a crashed instance stored: version {}"
                    + " -> {}", memberId, storedVersion == null ? "none" : storedVersion, replayed.version());
        }
        return written;
    }
}

package io.patronage.points.balance;

import io.patronage.points.eventlog.EventLog;
import io.patronage.points.expiry.NextReview;
import io.patronage.points.ledger.PointsOverflowException;
import jakarta.inject.Singleton;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Rebuilds the balance read model from the event store in one {@link EventLog} pass, folding each account's events
 * with {@link MemberPoints#fold} (an account whose events come out of sequence is replayed alone), then replaces only
 * the stored documents that differ (among them every one an older version wrote without the lots). Reports a checksum
 * of all balances before and after.
 * <p>
 * Live processing is not paused. The live projection folds each member from the balance it last wrote, not from
 * the document, so a member whose event was applied between the pass and the replacement of its document gets the
 * right figures again with its next event; meanwhile {@code equal} is {@code false} and a second rebuild settles it.
 * <p>
 * A member whose log holds a poisoned event (beyond the ledger's limits, stored by an older version) is rebuilt up
 * to the event before it, as its frozen account has it, counted in {@code poisonedMembers} and logged with the
 * reason; the pass goes on.
 */
@Singleton
public class BalanceRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(BalanceRebuild.class);

    private final EventLog log;
    private final RebuiltBalances store;
    private final EventStore eventStore;

    BalanceRebuild(EventLog log, RebuiltBalances store, EventStore eventStore) {
        this.log = log;
        this.store = store;
        this.eventStore = eventStore;
    }

    /** What a rebuild did; {@code equal} says the balances are the same as before. */
    public record Result(long events, int members, int balancesWritten, String checksumBefore, String checksumAfter,
                         boolean equal, int poisonedMembers, double seconds) {
    }

    public synchronized Result rebuild() {
        Instant started = Instant.now();
        Map<String, Date> reviews = new HashMap<>(); // filled by the read below, used after joining it
        // the balances as they are, read while the pass reads the events
        CompletableFuture<List<MemberPoints>> stored = CompletableFuture.supplyAsync(() -> store.all(reviews::put));
        Map<String, MemberPoints> balances = new HashMap<>();
        Map<String, Instant> firstReview = new HashMap<>();
        Set<String> outOfOrder = new HashSet<>();
        Map<String, String> poisoned = new TreeMap<>();
        long count = log.forEach("rebuild", (sequence, event) -> {
            if (poisoned.containsKey(event.memberId())) {
                return;
            }
            MemberPoints current = balances.get(event.memberId());
            boolean next = current == null ? sequence == 0 : sequence == current.version() + 1;
            if (!next) {
                outOfOrder.add(event.memberId());
                return;
            }
            try {
                balances.put(event.memberId(), MemberPoints.fold(current, event, sequence));
            } catch (PointsOverflowException e) {
                poisoned.put(event.memberId(), e.getMessage());
                if (current != null) {
                    balances.put(event.memberId(), current.frozenAt(e.getMessage()));
                }
                return;
            }
            Instant reviewAt = NextReview.of(event);
            if (reviewAt != null) {
                firstReview.merge(event.memberId(), reviewAt, (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        for (String memberId : outOfOrder) {
            poisoned.remove(memberId);
            MemberPoints replayed = MemberPoints.replay(eventStore.readEvents(memberId, 0).asStream(), Long.MAX_VALUE,
                    reason -> poisoned.put(memberId, reason));
            if (replayed != null) {
                balances.put(memberId, replayed);
            }
        }
        poisoned.forEach((memberId, reason) ->
                LOG.warn("rebuild: balance of member {} kept before its poisoned event: {}", memberId, reason));
        List<MemberPoints> before = stored.join();
        int written = reconcile(before, balances, memberId -> reviews.containsKey(memberId) ? reviews.get(memberId)
                : firstReview.containsKey(memberId) ? Date.from(firstReview.get(memberId)) : null);
        String checksumBefore = checksum(before);
        String after = checksum(store.all((memberId, reviewAt) -> { }));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        LOG.info("balance projection rebuilt: {} events, {} members ({} poisoned), {} balances written, in {} s,"
                + " checksum {} -> {}", count, balances.size(), poisoned.size(), written, seconds, checksumBefore, after);
        return new Result(count, balances.size(), written, checksumBefore, after, checksumBefore.equals(after),
                poisoned.size(), seconds);
    }

    /**
     * Makes the stored balances those of the pass, writing only what differs: a member's balance that is wrong or
     * missing is replaced, one without any event is removed. Returns how many documents were written or removed.
     */
    private int reconcile(List<MemberPoints> before, Map<String, MemberPoints> rebuilt,
                          Function<String, Date> reviewAt) {
        Map<String, MemberPoints> stored = new HashMap<>();
        before.forEach(points -> stored.put(points.balance().memberId(), points));
        List<MemberPoints> changed = rebuilt.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(stored.get(entry.getKey())))
                .map(Map.Entry::getValue)
                .toList();
        List<String> stale = stored.keySet().stream().filter(memberId -> !rebuilt.containsKey(memberId)).toList();
        for (int from = 0; from < changed.size(); from += log.batchSize()) {
            store.replaceAll(changed.subList(from, Math.min(changed.size(), from + log.batchSize())), reviewAt);
        }
        store.deleteAll(stale);
        return changed.size() + stale.size();
    }

    /** SHA-256 over every (memberId, balance, lifetimeEarned, lifetimeRedeemed), in member id order. */
    static String checksum(List<MemberPoints> documents) {
        TreeMap<String, Balance> sorted = new TreeMap<>();
        documents.forEach(points -> sorted.put(points.balance().memberId(), points.balance()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sorted.values().forEach(b -> digest.update((b.memberId() + "|" + b.balance() + "|" + b.lifetimeEarned()
                    + "|" + b.lifetimeRedeemed() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.patronage.rewards.availability;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.patronage.rewards.catalog.Reward;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Stock and per-member limits, counted in MongoDB so that every instance of the service sees the same counts:
 * {@code reward_counters} ({@code _id = <chainId>/<rewardId>}, {@code taken}: units redeemed or reserved in the
 * chain), {@code member_reward_counters} ({@code _id = <chainId>/<rewardId>/<memberId>/<period>}, {@code taken}),
 * and {@code reservations} ({@code _id} = redemption id: which counters it took, {@code stockTaken} and
 * {@code memberTaken} once it holds their units, and whether it gave them back).
 * A unit is taken by a conditional increment ({@code taken < cap}), so concurrent redemptions never take more than
 * there is; a rejected or expired redemption gives it back once.
 */
@Singleton
public class Reservations implements ReservationRelease {

    private static final String TAKEN = "taken";
    private static final String STOCK_TAKEN = "stockTaken";
    private static final String MEMBER_TAKEN = "memberTaken";

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> memberCounters;
    private final MongoCollection<Document> reservations;

    Reservations(MongoDatabase database) {
        this.counters = database.getCollection("reward_counters");
        this.memberCounters = database.getCollection("member_reward_counters");
        this.reservations = database.getCollection("reservations");
    }

    /** Units of the reward taken in the chain. */
    public long taken(String chainId, Reward reward) {
        return count(counters, stockKey(chainId, reward));
    }

    /** Redemptions of the reward by the member in the current period of its limit (0 without a limit). */
    public long takenBy(String chainId, Reward reward, String memberId, Instant now, ZoneId zone) {
        String key = memberKey(chainId, reward, memberId, now, zone);
        return key == null ? 0 : count(memberCounters, key);
    }

    /**
     * Takes a unit of the reward and of the member's limit for the redemption, or nothing and says why not. Taking
     * for the same redemption again takes nothing more.
     */
    public Optional<Eligibility.Reason> reserve(String redemptionId, String chainId, String memberId, Reward reward,
                                                Instant now, ZoneId zone) {
        String stockKey = stockKey(chainId, reward);
        String memberKey = memberKey(chainId, reward, memberId, now, zone);
        try {
            reservations.insertOne(new Document("_id", redemptionId).append("stock", stockKey)
                    .append("member", memberKey).append("released", false)
                    .append(STOCK_TAKEN, false).append(MEMBER_TAKEN, false));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        Long cap = reward.cap();
        if (!take(counters, stockKey, cap == null ? Long.MAX_VALUE : cap)) {
            reservations.deleteOne(Filters.eq("_id", redemptionId));
            return Eligibility.stock(reward, cap);
        }
        taken(redemptionId, STOCK_TAKEN, true);
        if (memberKey != null && !take(memberCounters, memberKey, reward.perMemberLimit().count())) {
            taken(redemptionId, STOCK_TAKEN, false);
            counters.updateOne(Filters.eq("_id", stockKey), Updates.inc(TAKEN, -1L));
            reservations.deleteOne(Filters.eq("_id", redemptionId));
            return Optional.of(Eligibility.Reason.LIMIT_REACHED);
        }
        if (memberKey != null) {
            taken(redemptionId, MEMBER_TAKEN, true);
        }
        return Optional.empty();
    }

    /**
     * Records that the reservation holds (or no longer holds) a unit of that counter. A process killed between
     * taking a unit and recording it leaves the unit taken for good, never given back twice: a redemption request
     * left unfinished may give back only what it had recorded, so a reward is never redeemed more than its stock.
     */
    private void taken(String redemptionId, String counter, boolean holds) {
        reservations.updateOne(Filters.eq("_id", redemptionId), Updates.set(counter, holds));
    }

    /** Gives back what the redemption took, once however often it is called. */
    @Override
    public void release(String redemptionId) {
        Document reservation = reservations.findOneAndUpdate(
                Filters.and(Filters.eq("_id", redemptionId), Filters.eq("released", false)),
                Updates.set("released", true));
        if (reservation == null) {
            return;
        }
        if (holds(reservation, STOCK_TAKEN)) {
            counters.updateOne(Filters.eq("_id", reservation.getString("stock")), Updates.inc(TAKEN, -1L));
        }
        String memberKey = reservation.getString("member");
        if (memberKey != null && holds(reservation, MEMBER_TAKEN)) {
            memberCounters.updateOne(Filters.eq("_id", memberKey), Updates.inc(TAKEN, -1L));
        }
    }

    /** A reservation stored before the units it took were recorded took them all. */
    private static boolean holds(Document reservation, String counter) {
        return !Boolean.FALSE.equals(reservation.getBoolean(counter));
    }

    private static boolean take(MongoCollection<Document> collection, String key, long cap) {
        try {
            collection.updateOne(Filters.eq("_id", key), Updates.setOnInsert(TAKEN, 0L), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // a duplicate: another request created it at the same moment
            }
        }
        return collection.updateOne(Filters.and(Filters.eq("_id", key), Filters.lt(TAKEN, cap)),
                Updates.inc(TAKEN, 1L)).getModifiedCount() == 1;
    }

    private static long count(MongoCollection<Document> collection, String key) {
        Document counter = collection.find(Filters.eq("_id", key)).first();
        return counter == null ? 0 : ((Number) counter.get(TAKEN)).longValue();
    }

    private static String stockKey(String chainId, Reward reward) {
        return chainId + "/" + reward.id();
    }

    private static String memberKey(String chainId, Reward reward, String memberId, Instant now, ZoneId zone) {
        return reward.perMemberLimit() == null ? null
                : chainId + "/" + reward.id() + "/" + memberId + "/" + reward.perMemberLimit().periodOf(now, zone);
    }
}

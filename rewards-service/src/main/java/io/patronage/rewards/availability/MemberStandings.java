package io.patronage.rewards.availability;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each member's balance and tier as points-service last published them: collection {@code member_standing},
 * {@code _id} = member id. What the catalog tells a member (enough points? the right tier?) and the tier check of a
 * redemption read it; points-service stays the judge of the debit itself.
 */
@Singleton
public class MemberStandings {

    private final MongoCollection<Document> standings;

    MemberStandings(MongoDatabase database) {
        this.standings = database.getCollection("member_standing");
    }

    public Eligibility.Standing of(String memberId) {
        Document standing = standings.find(Filters.eq("_id", memberId)).first();
        if (standing == null) {
            return Eligibility.Standing.UNKNOWN;
        }
        Number balance = (Number) standing.get("balance");
        return new Eligibility.Standing(balance == null ? 0 : balance.longValue(), standing.getString("tier"));
    }

    /** The latest balance and tier per member, in one round trip. */
    void record(Map<String, Update> latest) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        latest.forEach((memberId, update) -> {
            List<Bson> changes = new ArrayList<>();
            if (update.balance() != null) {
                changes.add(Updates.set("balance", update.balance()));
            }
            if (update.tierChanged()) {
                changes.add(Updates.set("tier", update.tier()));
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", memberId), Updates.combine(changes),
                    new UpdateOptions().upsert(true)));
        });
        if (!writes.isEmpty()) {
            standings.bulkWrite(writes);
        }
    }

    /** What one or more events said about a member: a balance ({@code null}: unchanged) and maybe a tier (or none). */
    record Update(Long balance, boolean tierChanged, String tier) {

        Update then(Update later) {
            return new Update(later.balance != null ? later.balance : balance, tierChanged || later.tierChanged,
                    later.tierChanged ? later.tier : tier);
        }
    }
}

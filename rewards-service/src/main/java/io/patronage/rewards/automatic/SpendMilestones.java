package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The chains' spend milestones: collection {@code spend_milestones}, {@code _id = <chainId>/<milestoneId>}, the amount
 * as a plain decimal string. Listing a chain's scans the collection (a chain has a handful).
 */
@Singleton
class SpendMilestones {

    private final MongoCollection<Document> milestones;

    SpendMilestones(MongoDatabase database) {
        this.milestones = database.getCollection("spend_milestones");
    }

    record Saved(SpendMilestone milestone, boolean created, boolean changed) {
    }

    Saved save(String chainId, String milestoneId, SpendMilestoneDefinition definition, Instant now) {
        Optional<SpendMilestone> current = find(chainId, milestoneId);
        if (current.isPresent() && current.get().sameDefinitionAs(definition)) {
            return new Saved(current.get(), false, false);
        }
        SpendMilestone milestone = new SpendMilestone(milestoneId, chainId, definition.rewardId(), definition.every(),
                now);
        milestones.replaceOne(Filters.eq("_id", key(chainId, milestoneId)),
                new Document("_id", key(chainId, milestoneId)).append("chainId", chainId)
                        .append("milestoneId", milestoneId).append("rewardId", milestone.rewardId())
                        .append("every", milestone.every().toPlainString()).append("updatedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new Saved(milestone, current.isEmpty(), true);
    }

    Optional<SpendMilestone> find(String chainId, String milestoneId) {
        return Optional.ofNullable(milestones.find(Filters.eq("_id", key(chainId, milestoneId))).first())
                .map(SpendMilestones::read);
    }

    List<SpendMilestone> ofChain(String chainId) {
        List<SpendMilestone> found = new ArrayList<>();
        milestones.find(Filters.eq("chainId", chainId)).forEach(document -> found.add(read(document)));
        found.sort(Comparator.comparing(SpendMilestone::id));
        return found;
    }

    private static SpendMilestone read(Document document) {
        return new SpendMilestone(document.getString("milestoneId"), document.getString("chainId"),
                document.getString("rewardId"), new BigDecimal(document.getString("every")),
                document.getDate("updatedAt").toInstant());
    }

    private static String key(String chainId, String milestoneId) {
        return chainId + "/" + milestoneId;
    }
}

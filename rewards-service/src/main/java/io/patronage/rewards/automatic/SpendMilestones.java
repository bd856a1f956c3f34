package io.patronage.rewards.automatic;

import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The chains' spend milestones: collection {@code spend_milestones} (see {@link ChainDefinitions}), the amount as a
 * plain decimal string.
 */
@Singleton
class SpendMilestones {

    private final ChainDefinitions<SpendMilestone> milestones;

    SpendMilestones(MongoDatabase database) {
        this.milestones = new ChainDefinitions<>(database.getCollection("spend_milestones"), "milestoneId",
                SpendMilestones::read);
    }

    record Saved(SpendMilestone milestone, boolean created, boolean changed) {
    }

    /** Defines the milestone, or again after its withdrawal ({@code created}: no active one had the id). */
    Saved save(String chainId, String milestoneId, SpendMilestoneDefinition definition, Instant now) {
        Optional<SpendMilestone> current = find(chainId, milestoneId);
        if (current.isPresent() && current.get().sameDefinitionAs(definition)) {
            return new Saved(current.get(), false, false);
        }
        SpendMilestone milestone = new SpendMilestone(milestoneId, chainId, definition.rewardId(), definition.every(),
                now);
        milestones.put(chainId, milestoneId, new Document("rewardId", milestone.rewardId())
                .append("every", milestone.every().toPlainString()), now);
        return new Saved(milestone, current.isEmpty(), true);
    }

    Optional<SpendMilestone> find(String chainId, String milestoneId) {
        return milestones.find(chainId, milestoneId);
    }

    /** The chain's active milestones by id. */
    List<SpendMilestone> ofChain(String chainId) {
        return milestones.ofChain(chainId);
    }

    boolean withdraw(String chainId, String milestoneId, Instant now) {
        return milestones.withdraw(chainId, milestoneId, now);
    }

    private static SpendMilestone read(Document document) {
        return new SpendMilestone(document.getString("milestoneId"), document.getString("chainId"),
                document.getString("rewardId"), new BigDecimal(document.getString("every")),
                document.getDate("updatedAt").toInstant());
    }
}

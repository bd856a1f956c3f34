package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The chains' punch cards: collection {@code punch_cards}, {@code _id = <chainId>/<punchCardId>}. Listing a chain's
 * scans the collection (a chain has a handful).
 */
@Singleton
class PunchCards {

    private final MongoCollection<Document> cards;

    PunchCards(MongoDatabase database) {
        this.cards = database.getCollection("punch_cards");
    }

    record Saved(PunchCard card, boolean created, boolean changed) {
    }

    Saved save(String chainId, String punchCardId, PunchCardDefinition definition, Instant now) {
        Optional<PunchCard> current = find(chainId, punchCardId);
        if (current.isPresent() && current.get().sameDefinitionAs(definition)) {
            return new Saved(current.get(), false, false);
        }
        PunchCard card = new PunchCard(punchCardId, chainId, definition.rewardId(), definition.visits(),
                definition.sku(), definition.category(), now);
        cards.replaceOne(Filters.eq("_id", key(chainId, punchCardId)), new Document("_id", key(chainId, punchCardId))
                        .append("chainId", chainId).append("punchCardId", punchCardId)
                        .append("rewardId", card.rewardId()).append("visits", card.visits())
                        .append("sku", card.sku()).append("category", card.category())
                        .append("updatedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new Saved(card, current.isEmpty(), true);
    }

    Optional<PunchCard> find(String chainId, String punchCardId) {
        return Optional.ofNullable(cards.find(Filters.eq("_id", key(chainId, punchCardId))).first())
                .map(PunchCards::read);
    }

    /** The chain's punch cards by id. */
    List<PunchCard> ofChain(String chainId) {
        List<PunchCard> found = new ArrayList<>();
        cards.find(Filters.eq("chainId", chainId)).forEach(document -> found.add(read(document)));
        found.sort(Comparator.comparing(PunchCard::id));
        return found;
    }

    private static PunchCard read(Document document) {
        return new PunchCard(document.getString("punchCardId"), document.getString("chainId"),
                document.getString("rewardId"), document.getInteger("visits"), document.getString("sku"),
                document.getString("category"), document.getDate("updatedAt").toInstant());
    }

    private static String key(String chainId, String punchCardId) {
        return chainId + "/" + punchCardId;
    }
}

package io.patronage.rewards.automatic;

import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The chains' punch cards: collection {@code punch_cards} (see {@link ChainDefinitions}). */
@Singleton
class PunchCards {

    private final ChainDefinitions<PunchCard> cards;

    PunchCards(MongoDatabase database) {
        this.cards = new ChainDefinitions<>(database.getCollection("punch_cards"), "punchCardId", PunchCards::read);
    }

    record Saved(PunchCard card, boolean created, boolean changed) {
    }

    /** Defines the punch card, or again after its withdrawal ({@code created}: no active one had the id). */
    Saved save(String chainId, String punchCardId, PunchCardDefinition definition, Instant now) {
        Optional<PunchCard> current = find(chainId, punchCardId);
        if (current.isPresent() && current.get().sameDefinitionAs(definition)) {
            return new Saved(current.get(), false, false);
        }
        PunchCard card = new PunchCard(punchCardId, chainId, definition.rewardId(), definition.visits(),
                definition.sku(), definition.category(), now);
        cards.put(chainId, punchCardId, new Document("rewardId", card.rewardId()).append("visits", card.visits())
                .append("sku", card.sku()).append("category", card.category()), now);
        return new Saved(card, current.isEmpty(), true);
    }

    Optional<PunchCard> find(String chainId, String punchCardId) {
        return cards.find(chainId, punchCardId);
    }

    /** The chain's active punch cards by id. */
    List<PunchCard> ofChain(String chainId) {
        return cards.ofChain(chainId);
    }

    boolean withdraw(String chainId, String punchCardId, Instant now) {
        return cards.withdraw(chainId, punchCardId, now);
    }

    private static PunchCard read(Document document) {
        return new PunchCard(document.getString("punchCardId"), document.getString("chainId"),
                document.getString("rewardId"), document.getInteger("visits"), document.getString("sku"),
                document.getString("category"), document.getDate("updatedAt").toInstant());
    }
}

package io.patronage.points.members;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which member holds a chain's card: {@code chainId:cardNumber -> memberId}. Kept in Mongo
 * ({@code _id = chainId:cardNumber}) and, for the transaction hot path, in memory: loaded once at
 * startup, so resolving a card costs no Mongo round trip.
 */
@Singleton
public class CardDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(CardDirectory.class);

    private final MongoCollection<Document> cards;
    private final Map<String, String> memberByCard = new ConcurrentHashMap<>();

    CardDirectory(MongoDatabase database) {
        this.cards = database.getCollection("card_directory");
    }

    @PostConstruct
    void load() {
        for (Document card : cards.find()) {
            memberByCard.put(card.getString("_id"), card.getString("memberId"));
        }
        LOG.info("card directory loaded: {} cards", memberByCard.size());
    }

    public Optional<String> memberFor(String chainId, String cardNumber) {
        return Optional.ofNullable(memberByCard.get(key(chainId, cardNumber)));
    }

    /** Stores the assignments in one bulk write, then makes them visible to {@link #memberFor}. */
    public void register(List<CardAssignment> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = assignments.stream()
                .map(card -> new ReplaceOneModel<>(Filters.eq("_id", card.key()), new Document("_id", card.key())
                        .append("chainId", card.chainId())
                        .append("cardNumber", card.cardNumber())
                        .append("memberId", card.memberId()), new ReplaceOptions().upsert(true)))
                .toList();
        cards.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        assignments.forEach(card -> memberByCard.put(card.key(), card.memberId()));
    }

    /** The old card stops earning, the new one earns into the same account. */
    public void replace(String chainId, String oldCardNumber, String newCardNumber, String memberId) {
        if (oldCardNumber != null && !oldCardNumber.isBlank()) {
            String old = key(chainId, oldCardNumber);
            cards.deleteOne(Filters.eq("_id", old));
            memberByCard.remove(old, memberId);
        }
        if (newCardNumber != null && !newCardNumber.isBlank()) {
            register(List.of(new CardAssignment(chainId, newCardNumber, memberId)));
        }
    }

    /** Forgets every card of the member (opt-out, erasure): they earn nothing any more. */
    public void forget(String memberId) {
        cards.deleteMany(Filters.eq("memberId", memberId));
        memberByCard.values().removeIf(memberId::equals);
    }

    static String key(String chainId, String cardNumber) {
        return chainId + ":" + cardNumber.strip();
    }

    /** A card of a chain, held by a member. */
    public record CardAssignment(String chainId, String cardNumber, String memberId) {
        String key() {
            return CardDirectory.key(chainId, cardNumber);
        }
    }
}

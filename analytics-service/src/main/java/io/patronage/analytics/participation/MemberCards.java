package io.patronage.analytics.participation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory of member cards ({@code chainId:cardNumber}) that tells member from non-member
 * purchases: held in memory, loaded once at startup, persisted as one document per card with the
 * key as {@code _id}, so writing a card twice is harmless.
 */
@Singleton
class MemberCards {

    private final MongoCollection<Document> collection;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    MemberCards(MongoDatabase database) {
        this.collection = database.getCollection("member_cards");
        collection.find().projection(Projections.include("_id")).forEach(document -> known.add(document.getString("_id")));
    }

    boolean isKnown(String key) {
        return known.contains(key);
    }

    /**
     * Looks up, by {@code _id} and in one query, the cards of {@code keys} this instance has not seen:
     * another instance of the service may have consumed their enrollment (rolling deploy, rebalance).
     */
    void refresh(Collection<String> keys) {
        List<String> unknown = keys.stream().filter(key -> !known.contains(key)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        collection.find(Filters.in("_id", unknown)).projection(Projections.include("_id"))
                .forEach(document -> known.add(document.getString("_id")));
    }

    void addAll(List<MemberCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = cards.stream()
                .<WriteModel<Document>>map(card -> new ReplaceOneModel<>(Filters.eq("_id", card.key()),
                        new Document("_id", card.key())
                                .append("chainId", card.chainId())
                                .append("cardNumber", card.cardNumber())
                                .append("memberId", card.memberId()),
                        new ReplaceOptions().upsert(true)))
                .toList();
        collection.bulkWrite(writes);
        cards.forEach(card -> known.add(card.key()));
    }
}

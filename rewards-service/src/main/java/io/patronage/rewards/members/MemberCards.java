package io.patronage.rewards.members;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Optional;

/**
 * Whose card a till record names, from {@code MemberEnrolled} and {@code CardReplaced}: collection
 * {@code member_cards}, {@code _id = <chainId>/<cardNumber>} → member id. A replaced card stops counting, and so do
 * the cards of a member who opted out or was erased.
 */
@Singleton
public class MemberCards {

    private final MongoCollection<Document> cards;

    MemberCards(MongoDatabase database) {
        this.cards = database.getCollection("member_cards");
    }

    public Optional<String> memberOf(String chainId, String cardNumber) {
        return Optional.ofNullable(cards.find(Filters.eq("_id", chainId + "/" + cardNumber)).first())
                .map(card -> card.getString("memberId"));
    }

    /** Recording a card twice changes nothing. */
    void issued(String chainId, String cardNumber, String memberId) {
        cards.replaceOne(Filters.eq("_id", chainId + "/" + cardNumber),
                new Document("_id", chainId + "/" + cardNumber).append("memberId", memberId),
                new ReplaceOptions().upsert(true));
    }

    /**
     * The member left or was erased: none of their cards names them any more (a scan of the collection by member,
     * for these rare events), so their purchases stamp no punch card and count towards no milestone.
     */
    void forget(String memberId) {
        cards.deleteMany(Filters.eq("memberId", memberId));
    }

    void replaced(String chainId, String oldCardNumber, String newCardNumber, String memberId) {
        issued(chainId, newCardNumber, memberId);
        if (oldCardNumber != null) {
            cards.deleteOne(Filters.and(Filters.eq("_id", chainId + "/" + oldCardNumber),
                    Filters.eq("memberId", memberId)));
        }
    }
}

package io.patronage.analytics.participation;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Value;
import io.patronage.kit.directory.StoredDirectory;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The directory of member cards ({@code chainId:cardNumber}) that tells member from non-member purchases:
 * collection {@code member_cards}, one document per card with the key as {@code _id} (writing a card twice is
 * harmless), loaded into memory at startup; a card another instance filed is found in the collection.
 */
@Singleton
class MemberCards {

    private final StoredDirectory directory;

    MemberCards(MongoDatabase database, @Value("${patronage.analytics.card-cache-size:2000000}") int cacheSize) {
        this.directory = new StoredDirectory(database.getCollection("member_cards"), "memberId", cacheSize);
        directory.preload();
    }

    /** Which of these keys are member cards, in at most one query. */
    Set<String> known(Collection<String> keys) {
        return directory.getAll(keys).keySet();
    }

    void addAll(List<MemberCard> cards) {
        directory.putAll(cards.stream()
                .map(card -> new Document("_id", card.key())
                        .append("chainId", card.chainId())
                        .append("cardNumber", card.cardNumber())
                        .append("memberId", card.memberId()))
                .toList());
    }
}

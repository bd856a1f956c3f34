package io.patronage.points.intake;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Value;
import io.patronage.kit.directory.StoredDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which member holds a chain's card: {@code chainId:cardNumber -> memberId}, in collection {@code card_directory}
 * and, for the transaction hot path, in memory (loaded at startup). A card this instance has not seen — another
 * instance consumed its enrollment — is looked up in the collection before its purchase counts as a non-member's.
 */
@Singleton
public class CardDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(CardDirectory.class);

    private final StoredDirectory cards;
    private final List<Consumer<Collection<String>>> filedListeners = new CopyOnWriteArrayList<>();

    CardDirectory(MongoDatabase database, @Value("${patronage.points.card-cache-size:2000000}") int cacheSize) {
        this.cards = new StoredDirectory(database.getCollection("card_directory"), "memberId", cacheSize);
    }

    @PostConstruct
    void load() {
        LOG.info("card directory loaded: {} cards", cards.preload());
    }

    public Optional<String> memberFor(String chainId, String cardNumber) {
        return cards.get(key(chainId, cardNumber));
    }

    /** The members of those cards ({@code chainId:cardNumber} keys, see {@link #key}) that have one, in one lookup. */
    public Map<String, String> membersFor(Collection<String> cardKeys) {
        return cards.getAll(cardKeys);
    }

    /**
     * Stores the assignments in one bulk write, makes them visible to {@link #memberFor}, then tells the
     * {@linkplain #onFiled listeners} their card keys.
     */
    public void register(List<CardAssignment> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        cards.putAll(assignments.stream()
                .map(card -> new Document("_id", card.key())
                        .append("chainId", card.chainId())
                        .append("cardNumber", card.cardNumber())
                        .append("memberId", card.memberId()))
                .toList());
        List<String> keys = assignments.stream().map(CardAssignment::key).toList();
        filedListeners.forEach(listener -> listener.accept(keys));
    }

    /** {@code listener} learns the keys of the cards filed from now on, once they resolve to their member. */
    public void onFiled(Consumer<Collection<String>> listener) {
        filedListeners.add(listener);
    }

    /** The old card stops earning, the new one earns into the same account. */
    public void replace(String chainId, String oldCardNumber, String newCardNumber, String memberId) {
        if (oldCardNumber != null && !oldCardNumber.isBlank()) {
            cards.remove(key(chainId, oldCardNumber));
        }
        if (newCardNumber != null && !newCardNumber.isBlank()) {
            register(List.of(new CardAssignment(chainId, newCardNumber, memberId)));
        }
    }

    /** Forgets every card of the member (opt-out, erasure): they earn nothing any more. */
    public void forget(String memberId) {
        cards.removeByValue(memberId);
    }

    public static String key(String chainId, String cardNumber) {
        return chainId + ":" + cardNumber.strip();
    }

    /** A card of a chain, held by a member. */
    public record CardAssignment(String chainId, String cardNumber, String memberId) {
        String key() {
            return CardDirectory.key(chainId, cardNumber);
        }
    }
}

package io.patronage.enrollment.identifiers;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Issues unique card numbers and finds a card's member, in the {@code cards} collection ({@code _id} =
 * card number). A replaced card is retired, not deleted: it no longer resolves, and it is never issued again.
 */
@Singleton
public class CardRegistry {

    private final ClaimRegistry cards;
    private final CardNumberGenerator generator;

    CardRegistry(MongoDatabase database, Clock clock,
                 @Value("${patronage.enrollment.card-prefix:9}") String prefix) {
        this.cards = new ClaimRegistry(database, "cards", clock);
        this.generator = new CardNumberGenerator(prefix, new SecureRandom());
    }

    public String issue(String memberId, String chainId) {
        return cards.claimFree(generator::next, memberId, chainId);
    }

    public Optional<String> memberOf(String cardNumber) {
        return cards.holder(cardNumber);
    }

    public void retire(String cardNumber, String memberId) {
        cards.retire(cardNumber, memberId);
    }
}

package io.patronage.points.balance;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Optional;

/** The balance read model in Mongo, one document per member ({@code _id = memberId}), written by the projection. */
@Singleton
public class BalanceStore {

    private final MongoCollection<Document> balances;

    BalanceStore(MongoDatabase database) {
        this.balances = database.getCollection("balances");
    }

    public Optional<Balance> find(String memberId) {
        return Optional.ofNullable(balances.find(Filters.eq("_id", memberId)).first()).map(BalanceStore::balance);
    }

    /** Stores a new account's balance; one already there (a redelivery) is left as it is. */
    void insert(Balance balance) {
        try {
            balances.insertOne(document(balance));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Applies the change of account event {@code sequence} in one update, only on top of event
     * {@code sequence - 1}; {@code false} when the document is not at that version (already applied, or
     * an event is missing).
     */
    boolean applyNext(String memberId, BalanceChange change, long sequence) {
        return balances.updateOne(
                Filters.and(Filters.eq("_id", memberId), Filters.eq("version", sequence - 1)),
                Updates.combine(
                        Updates.inc("balance", change.balanceDelta()),
                        Updates.inc("lifetimeEarned", change.earned()),
                        Updates.inc("lifetimeRedeemed", change.redeemed()),
                        Updates.set("version", sequence)))
                .getMatchedCount() == 1;
    }

    void replace(Balance balance) {
        balances.replaceOne(Filters.eq("_id", balance.memberId()), document(balance), new ReplaceOptions().upsert(true));
    }

    private static Document document(Balance balance) {
        return new Document("_id", balance.memberId())
                .append("chainId", balance.chainId())
                .append("balance", balance.balance())
                .append("lifetimeEarned", balance.lifetimeEarned())
                .append("lifetimeRedeemed", balance.lifetimeRedeemed())
                .append("version", balance.version());
    }

    private static Balance balance(Document document) {
        return new Balance(document.getString("_id"), document.getString("chainId"),
                document.get("balance", Number.class).longValue(),
                document.get("lifetimeEarned", Number.class).longValue(),
                document.get("lifetimeRedeemed", Number.class).longValue(),
                document.get("version", Number.class).longValue());
    }
}

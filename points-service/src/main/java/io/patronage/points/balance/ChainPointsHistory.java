package io.patronage.points.balance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.patronage.points.program.PointsHistory;
import jakarta.inject.Singleton;
import org.bson.Document;

/**
 * A chain's points history from the balance documents: a scan (only {@code _id} is indexed on the embedded store),
 * asked only when a chain's first program version would set its points unit.
 */
@Singleton
class ChainPointsHistory implements PointsHistory {

    private final MongoCollection<Document> balances;

    ChainPointsHistory(MongoDatabase database) {
        this.balances = database.getCollection(BalanceStore.COLLECTION);
    }

    @Override
    public boolean anyMoved(String chainId) {
        return balances.find(Filters.and(Filters.eq("chainId", chainId), Filters.or(Filters.ne("balance", 0L),
                        Filters.gt("lifetimeEarned", 0L), Filters.gt("lifetimeRedeemed", 0L))))
                .projection(new Document("_id", 1)).first() != null;
    }
}

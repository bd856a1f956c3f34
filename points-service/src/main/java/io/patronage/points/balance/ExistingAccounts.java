package io.patronage.points.balance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.HashSet;
import java.util.Set;

/** The accounts that exist: every member with a balance document, which the projection writes at the opening. */
@Singleton
public class ExistingAccounts {

    private final MongoCollection<Document> balances;

    ExistingAccounts(MongoDatabase database) {
        this.balances = database.getCollection(BalanceStore.COLLECTION);
    }

    /** Every member with a balance, that is with an opened account (a full scan, once at startup). */
    public Set<String> memberIds() {
        Set<String> members = new HashSet<>();
        balances.find().projection(new Document("_id", 1)).batchSize(10_000)
                .forEach(document -> members.add(document.getString("_id")));
        return members;
    }
}

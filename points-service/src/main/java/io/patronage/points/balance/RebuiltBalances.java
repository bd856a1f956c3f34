package io.patronage.points.balance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static io.patronage.points.balance.BalanceStore.REVIEW_AT;

/** The stored balance documents as a rebuild reads and replaces them: whole, in bulk, by {@code _id}. */
@Singleton
class RebuiltBalances {

    private final MongoCollection<Document> balances;

    RebuiltBalances(MongoDatabase database) {
        this.balances = database.getCollection(BalanceStore.COLLECTION);
    }

    /** Every stored balance (a full scan: for rebuilds and checks), passing each member's next review to {@code reviews}. */
    List<MemberPoints> all(BiConsumer<String, Date> reviews) {
        List<MemberPoints> all = new ArrayList<>();
        for (Document document : balances.find().batchSize(10_000)) {
            all.add(BalanceStore.points(document));
            reviews.accept(document.getString("_id"), document.getDate(REVIEW_AT));
        }
        return all;
    }

    /**
     * Replaces members' balances with rebuilt ones, by {@code _id}, in one unordered bulk write, each with its next
     * review; a missing document is created.
     */
    void replaceAll(List<MemberPoints> rebuilt, Function<String, Date> reviewAt) {
        if (rebuilt.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> replacements = rebuilt.stream().map(points -> {
            Document document = BalanceStore.document(points);
            Date review = reviewAt.apply(document.getString("_id"));
            return new ReplaceOneModel<>(Filters.eq("_id", document.getString("_id")),
                    review == null ? document : document.append(REVIEW_AT, review), new ReplaceOptions().upsert(true));
        }).toList();
        balances.bulkWrite(replacements, new BulkWriteOptions().ordered(false));
    }

    void deleteAll(Collection<String> memberIds) {
        if (!memberIds.isEmpty()) {
            balances.deleteMany(Filters.in("_id", memberIds));
        }
    }
}

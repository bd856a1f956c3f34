package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The purchases that stamped punch cards, so that a return of the whole order takes the stamps back: collection
 * {@code punch_card_purchases}, {@code _id = <chainId>/<transactionId>}, with the member, the purchase's total, the
 * punch cards it stamped and its returns so far (each return once: they are a set).
 */
@Singleton
class StampedPurchases {

    private final MongoCollection<Document> purchases;

    StampedPurchases(MongoDatabase database) {
        this.purchases = database.getCollection("punch_card_purchases");
    }

    record Purchase(String memberId, BigDecimal total, List<String> punchCardIds, BigDecimal returned) {

        boolean wholeReturned() {
            return returned.compareTo(total) >= 0;
        }
    }

    void record(String chainId, String transactionId, String memberId, BigDecimal total, List<String> punchCardIds) {
        purchases.updateOne(Filters.eq("_id", chainId + "/" + transactionId), Updates.combine(
                        Updates.setOnInsert("memberId", memberId), Updates.setOnInsert("total", new Decimal128(total)),
                        Updates.addEachToSet("punchCardIds", punchCardIds)),
                new UpdateOptions().upsert(true));
    }

    /** Records a return of the purchase; answers the purchase with all its returns so far, empty if it stamped none. */
    Optional<Purchase> returned(String chainId, String transactionId, String returnId, BigDecimal amount) {
        Document purchase = purchases.findOneAndUpdate(Filters.eq("_id", chainId + "/" + transactionId),
                Updates.addToSet("returns", new Document("id", returnId).append("amount", new Decimal128(amount))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (purchase == null) {
            return Optional.empty();
        }
        BigDecimal returned = purchase.getList("returns", Document.class, List.of()).stream()
                .map(line -> line.get("amount", Decimal128.class).bigDecimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Purchase(purchase.getString("memberId"),
                purchase.get("total", Decimal128.class).bigDecimalValue(),
                purchase.getList("punchCardIds", String.class), returned));
    }
}

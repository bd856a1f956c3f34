package io.patronage.rewards.coupons;

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
 * Which coupons a purchase used, so that its return gives them back: collection {@code coupon_uses},
 * {@code _id = <chainId>/<transactionId>}, with the purchase's total, the redemptions of its coupons and the returns
 * of it so far (the whole order is returned once they add up to its total).
 */
@Singleton
class CouponUses {

    private final MongoCollection<Document> uses;

    CouponUses(MongoDatabase database) {
        this.uses = database.getCollection("coupon_uses");
    }

    /** A purchase that used coupons, and how much of it has been returned so far. */
    record Purchase(BigDecimal total, List<String> redemptionIds, BigDecimal returned) {

        boolean wholeReturned() {
            return returned.compareTo(total) >= 0;
        }
    }

    /** Records the purchase's coupons; recording it again keeps the returns counted meanwhile. */
    void record(String chainId, String transactionId, BigDecimal total, List<String> redemptionIds) {
        uses.updateOne(Filters.eq("_id", chainId + "/" + transactionId), Updates.combine(
                        Updates.setOnInsert("total", new Decimal128(total)),
                        Updates.addEachToSet("redemptionIds", redemptionIds)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Records a return of the purchase (each return once, however often it is delivered: returns are added to a set)
     * and answers the purchase with all its returns so far; empty when the purchase used no coupon.
     */
    Optional<Purchase> returned(String chainId, String transactionId, String returnId, BigDecimal amount) {
        Document purchase = uses.findOneAndUpdate(Filters.eq("_id", chainId + "/" + transactionId),
                Updates.addToSet("returns", new Document("id", returnId).append("amount", new Decimal128(amount))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (purchase == null) {
            return Optional.empty();
        }
        BigDecimal returned = purchase.getList("returns", Document.class, List.of()).stream()
                .map(line -> line.get("amount", Decimal128.class).bigDecimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Purchase(purchase.get("total", Decimal128.class).bigDecimalValue(),
                purchase.getList("redemptionIds", String.class), returned));
    }
}

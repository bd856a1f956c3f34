package io.patronage.rewards.redemption;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Coupon codes unique per chain, checked rather than assumed: collection {@code coupon_codes},
 * {@code _id = <chainId>/<code>} (so a till's code is found by {@code _id}), claimed by an insert that fails for a
 * code the chain has; then another code is drawn.
 */
@Singleton
public class ChainCouponCodes implements CouponCodeClaims {

    static final int ATTEMPTS = 10;

    private final MongoCollection<Document> codes;
    private final CouponCodes random;

    ChainCouponCodes(MongoDatabase database, CouponCodes random) {
        this.codes = database.getCollection("coupon_codes");
        this.random = random;
    }

    /** The redemption of each of these codes that is a coupon of the chain, in one query. */
    public Map<String, String> redemptionsOf(String chainId, Collection<String> couponCodes) {
        Map<String, String> redemptions = new HashMap<>();
        if (!couponCodes.isEmpty()) {
            codes.find(Filters.in("_id", couponCodes.stream().map(code -> chainId + "/" + code).toList()))
                    .forEach(document -> redemptions.put(document.getString("couponCode"),
                            document.getString("redemptionId")));
        }
        return redemptions;
    }

    @Override
    public String claim(String chainId, String memberId, String redemptionId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = random.next();
            try {
                codes.insertOne(new Document("_id", chainId + "/" + code).append("chainId", chainId)
                        .append("couponCode", code).append("memberId", memberId).append("redemptionId", redemptionId));
                return code;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document taken = codes.find(Filters.eq("_id", chainId + "/" + code)).first();
                if (taken != null && redemptionId.equals(taken.getString("redemptionId"))) {
                    return code;
                }
            }
        }
        throw new IllegalStateException("no free coupon code for chain " + chainId + " in " + ATTEMPTS + " draws");
    }
}

package io.patronage.rewards.coupons;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.patronage.rewards.redemption.CouponIssued;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Projection of each member's coupons: collection {@code member_coupons}, one document per member
 * ({@code _id} = member id) holding its coupons, so listing them is one {@code _id} lookup.
 */
@Singleton
public class MemberCoupons {

    private final MongoCollection<Document> coupons;

    MemberCoupons(MongoDatabase database) {
        this.coupons = database.getCollection("member_coupons");
    }

    /** {@code $addToSet} of the same coupon again (a replay) leaves one copy. */
    @EventHandler
    void on(CouponIssued event) {
        Document coupon = new Document("couponCode", event.couponCode())
                .append("rewardId", event.rewardId())
                .append("redemptionId", event.redemptionId())
                .append("issuedAt", Date.from(event.issuedAt()))
                .append("expiresAt", Date.from(event.expiresAt()));
        coupons.updateOne(Filters.eq("_id", event.memberId()), Updates.addToSet("coupons", coupon),
                new UpdateOptions().upsert(true));
    }

    /** The member's coupons, oldest first, with their status as of {@code now}. */
    public List<Coupon> of(String memberId, Instant now) {
        Document member = coupons.find(Filters.eq("_id", memberId)).first();
        if (member == null) {
            return List.of();
        }
        return member.getList("coupons", Document.class).stream().map(coupon -> {
            Instant expiresAt = coupon.getDate("expiresAt").toInstant();
            return new Coupon(coupon.getString("couponCode"), coupon.getString("rewardId"),
                    coupon.getString("redemptionId"), coupon.getDate("issuedAt").toInstant(), expiresAt,
                    Coupon.statusAt(expiresAt, now));
        }).toList();
    }
}

package io.patronage.rewards.coupons;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.ReplaceOptions;
import io.patronage.rewards.redemption.CouponExpired;
import io.patronage.rewards.redemption.CouponGranted;
import io.patronage.rewards.redemption.CouponIssued;
import io.patronage.rewards.redemption.CouponReinstated;
import io.patronage.rewards.redemption.CouponUsed;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Projection of each member's coupons: collection {@code member_coupons}, one document per member
 * ({@code _id} = member id) holding its coupons and, under {@code uses.<code>}, what became of them (used, expired), so
 * listing them is one {@code _id} lookup. Collection {@code live_coupons} ({@code _id} = redemption id,
 * {@code expiresAt}) holds the coupons that can still expire, for the expiry job.
 */
@Singleton
public class MemberCoupons {

    private final MongoCollection<Document> coupons;
    private final MongoCollection<Document> live;

    MemberCoupons(MongoDatabase database) {
        this.coupons = database.getCollection("member_coupons");
        this.live = database.getCollection("live_coupons");
    }

    /** {@code $addToSet} of the same coupon again (a replay) leaves one copy. */
    @EventHandler
    void on(CouponIssued event) {
        issued(event.memberId(), event.couponCode(), event.rewardId(), event.redemptionId(), event.issuedAt(),
                event.expiresAt());
    }

    /** An automatic reward's coupon. */
    @EventHandler
    void on(CouponGranted event) {
        issued(event.memberId(), event.couponCode(), event.rewardId(), event.redemptionId(), event.issuedAt(),
                event.expiresAt());
    }

    private void issued(String memberId, String couponCode, String rewardId, String redemptionId, Instant issuedAt,
                        Instant expiresAt) {
        Document coupon = new Document("couponCode", couponCode)
                .append("rewardId", rewardId)
                .append("redemptionId", redemptionId)
                .append("issuedAt", Date.from(issuedAt))
                .append("expiresAt", Date.from(expiresAt));
        coupons.updateOne(Filters.eq("_id", memberId), Updates.addToSet("coupons", coupon),
                new UpdateOptions().upsert(true));
        live(redemptionId, expiresAt);
    }

    @EventHandler
    void on(CouponUsed event) {
        coupons.updateOne(Filters.eq("_id", event.memberId()), Updates.set("uses." + event.couponCode(),
                new Document("status", Coupon.Status.USED.name()).append("usedAt", Date.from(event.usedAt()))
                        .append("transactionId", event.transactionId())));
        live.deleteOne(Filters.eq("_id", event.redemptionId()));
    }

    @EventHandler
    void on(CouponReinstated event) {
        coupons.updateOne(Filters.eq("_id", event.memberId()), Updates.unset("uses." + event.couponCode()));
        live(event.redemptionId(), event.expiresAt());
    }

    @EventHandler
    void on(CouponExpired event) {
        coupons.updateOne(Filters.eq("_id", event.memberId()), Updates.set("uses." + event.couponCode(),
                new Document("status", Coupon.Status.EXPIRED.name())));
        live.deleteOne(Filters.eq("_id", event.redemptionId()));
    }

    private void live(String redemptionId, Instant expiresAt) {
        if (expiresAt != null) {
            live.replaceOne(Filters.eq("_id", redemptionId), new Document("_id", redemptionId)
                    .append("expiresAt", Date.from(expiresAt)), new ReplaceOptions().upsert(true));
        }
    }

    /** The redemptions whose coupon is still valid but past its expiry at {@code now}. */
    List<String> pastExpiry(Instant now) {
        List<String> ids = new ArrayList<>();
        live.find(Filters.lte("expiresAt", Date.from(now))).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** The member's coupons, oldest first, with their status as of {@code now}. */
    public List<Coupon> of(String memberId, Instant now) {
        Document member = coupons.find(Filters.eq("_id", memberId)).first();
        if (member == null) {
            return List.of();
        }
        Document uses = member.get("uses", new Document());
        return member.getList("coupons", Document.class).stream().map(coupon -> {
            Instant expiresAt = coupon.getDate("expiresAt").toInstant();
            Document use = uses.get(coupon.getString("couponCode"), Document.class);
            Coupon.Status status = use == null ? Coupon.statusAt(expiresAt, now)
                    : Coupon.Status.valueOf(use.getString("status"));
            return new Coupon(coupon.getString("couponCode"), coupon.getString("rewardId"),
                    coupon.getString("redemptionId"), coupon.getDate("issuedAt").toInstant(), expiresAt, status,
                    use == null || use.getDate("usedAt") == null ? null : use.getDate("usedAt").toInstant(),
                    use == null ? null : use.getString("transactionId"));
        }).toList();
    }
}

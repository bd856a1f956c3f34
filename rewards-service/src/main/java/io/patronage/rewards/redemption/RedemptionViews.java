package io.patronage.rewards.redemption;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projection of redemptions: collection {@code redemptions}, one document per redemption, {@code _id} = its id; and
 * collection {@code pending_redemptions} ({@code _id} = redemption id, {@code deadline}): the redemptions waiting for
 * points-service, small enough for the deadline job to scan.
 */
@Singleton
public class RedemptionViews {

    private final MongoCollection<Document> redemptions;
    private final MongoCollection<Document> pending;

    RedemptionViews(MongoDatabase database) {
        this.redemptions = database.getCollection("redemptions");
        this.pending = database.getCollection("pending_redemptions");
    }

    @EventHandler
    void on(RedemptionRequested event) {
        List<Bson> fields = new ArrayList<>(List.of(
                Updates.setOnInsert("memberId", event.memberId()),
                Updates.setOnInsert("rewardId", event.rewardId()),
                Updates.setOnInsert("points", event.points()),
                Updates.setOnInsert("status", RedemptionView.Status.PENDING.name()),
                Updates.setOnInsert("requestedAt", Date.from(event.requestedAt()))));
        if (event.deadline() != null) {
            fields.add(Updates.setOnInsert("deadline", Date.from(event.deadline())));
            pending.replaceOne(Filters.eq("_id", event.redemptionId()),
                    new Document("_id", event.redemptionId()).append("deadline", Date.from(event.deadline())),
                    new ReplaceOptions().upsert(true));
        }
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.combine(fields),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(PointsDebited event) {
        pending.deleteOne(Filters.eq("_id", event.redemptionId()));
    }

    @EventHandler
    void on(RedemptionExpired event) {
        pending.deleteOne(Filters.eq("_id", event.redemptionId()));
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.combine(
                Updates.set("status", RedemptionView.Status.EXPIRED.name()),
                Updates.set("reason", "NO_ANSWER"),
                Updates.set("detail", "points-service did not answer before the deadline"),
                Updates.set("completedAt", Date.from(event.expiredAt()))));
    }

    @EventHandler
    void on(PointsRefundRequested event) {
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.set("refundedPoints",
                event.points().toPlainString()));
    }

    /** The redemptions still waiting for points-service whose deadline is before {@code now}. */
    List<String> pastDeadline(Instant now) {
        List<String> ids = new ArrayList<>();
        pending.find(Filters.lt("deadline", Date.from(now))).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    @EventHandler
    void on(CouponIssued event) {
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.combine(
                Updates.set("status", RedemptionView.Status.COMPLETED.name()),
                Updates.set("couponCode", event.couponCode()),
                Updates.set("couponExpiresAt", Date.from(event.expiresAt())),
                Updates.set("completedAt", Date.from(event.issuedAt()))));
    }

    @EventHandler
    void on(RedemptionRejected event) {
        pending.deleteOne(Filters.eq("_id", event.redemptionId()));
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.combine(
                Updates.set("status", RedemptionView.Status.REJECTED.name()),
                Updates.set("reason", event.reason()),
                Updates.set("detail", event.detail()),
                Updates.set("completedAt", Date.from(event.rejectedAt()))));
    }

    public Optional<RedemptionView> find(String redemptionId) {
        return Optional.ofNullable(redemptions.find(Filters.eq("_id", redemptionId)).first()).map(document -> {
            RedemptionView.Status status = RedemptionView.Status.valueOf(document.getString("status"));
            return new RedemptionView(document.getString("_id"), document.getString("memberId"),
                    document.getString("rewardId"), document.getLong("points"), status,
                    document.getString("reason"), document.getString("detail"), document.getString("couponCode"),
                    instant(document, "couponExpiresAt"), instant(document, "requestedAt"),
                    instant(document, "completedAt"),
                    status == RedemptionView.Status.PENDING ? instant(document, "deadline") : null,
                    document.get("refundedPoints") == null ? null
                            : new BigDecimal(document.get("refundedPoints").toString()));
        });
    }

    /** Which of these ids are redemptions of this service, with the points each costs, in one query. */
    Map<String, Long> existing(Collection<String> redemptionIds) {
        Map<String, Long> existing = new HashMap<>();
        if (!redemptionIds.isEmpty()) {
            redemptions.find(Filters.in("_id", redemptionIds)).projection(Projections.include("_id", "points"))
                    .forEach(document -> existing.put(document.getString("_id"),
                            ((Number) document.get("points")).longValue()));
        }
        return existing;
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}

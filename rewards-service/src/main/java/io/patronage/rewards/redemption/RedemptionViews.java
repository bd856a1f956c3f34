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

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Projection of redemptions: collection {@code redemptions}, one document per redemption, {@code _id} = its id. */
@Singleton
public class RedemptionViews {

    private final MongoCollection<Document> redemptions;

    RedemptionViews(MongoDatabase database) {
        this.redemptions = database.getCollection("redemptions");
    }

    @EventHandler
    void on(RedemptionRequested event) {
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.combine(
                        Updates.setOnInsert("memberId", event.memberId()),
                        Updates.setOnInsert("rewardId", event.rewardId()),
                        Updates.setOnInsert("points", event.points()),
                        Updates.setOnInsert("status", RedemptionView.Status.PENDING.name()),
                        Updates.setOnInsert("requestedAt", Date.from(event.requestedAt()))),
                new UpdateOptions().upsert(true));
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
        redemptions.updateOne(Filters.eq("_id", event.redemptionId()), Updates.combine(
                Updates.set("status", RedemptionView.Status.REJECTED.name()),
                Updates.set("reason", event.reason()),
                Updates.set("detail", event.detail()),
                Updates.set("completedAt", Date.from(event.rejectedAt()))));
    }

    public Optional<RedemptionView> find(String redemptionId) {
        return Optional.ofNullable(redemptions.find(Filters.eq("_id", redemptionId)).first()).map(document ->
                new RedemptionView(document.getString("_id"), document.getString("memberId"),
                        document.getString("rewardId"), document.getLong("points"),
                        RedemptionView.Status.valueOf(document.getString("status")), document.getString("reason"),
                        document.getString("detail"), document.getString("couponCode"),
                        instant(document, "couponExpiresAt"), instant(document, "requestedAt"),
                        instant(document, "completedAt")));
    }

    /** Which of these ids are redemptions of this service, in one query. */
    Set<String> existing(Collection<String> redemptionIds) {
        Set<String> existing = new HashSet<>();
        if (!redemptionIds.isEmpty()) {
            redemptions.find(Filters.in("_id", redemptionIds)).projection(Projections.include("_id"))
                    .forEach(document -> existing.add(document.getString("_id")));
        }
        return existing;
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}

package io.patronage.contracts;

import io.patronage.contracts.analytics.ParticipationView;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.ConsentsChanged;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.members.ReferralRegistered;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.points.PointsAdjusted;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsExpired;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsRedemptionRejected;
import io.patronage.contracts.points.PointsReversed;
import io.patronage.contracts.points.TierChanged;
import io.patronage.contracts.rewards.CouponIssued;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The topic registry: every topic Patronage reads or writes, in one place. */
public final class Topics {

    private static final Duration FOREVER = null;

    public static final Topic TRANSACTIONS = new Topic("retail.transactions.v1",
            "card number, or transaction id when anonymous", "POS systems of the chains",
            12, FOREVER, false, List.of());
    /** Plain JSON {@link io.patronage.contracts.engagement.EngagementEvent} values, no envelope. */
    public static final Topic ENGAGEMENT = new Topic("retail.engagement.v1",
            "member id", "chains' apps and surveys", 6, FOREVER, false, List.of());
    public static final Topic MEMBERS = new Topic("loyalty.members.v1",
            "member id", "enrollment-service", 6, FOREVER, false,
            List.of(MemberEnrolled.class, ReferralRegistered.class, CardReplaced.class, ConsentsChanged.class,
                    MemberOptedOut.class, MemberErased.class));
    /** Compacted: the latest {@link ChainConfigured} per chain id is the chain; every service reads it all. */
    public static final Topic CHAINS = new Topic("loyalty.chains.v1",
            "chain id", "enrollment-service", 1, FOREVER, true, List.of(ChainConfigured.class));
    public static final Topic POINTS = new Topic("loyalty.points.v1",
            "member id", "points-service", 12, FOREVER, false,
            List.of(PointsEarned.class, PointsAwarded.class, PointsReversed.class, PointsRedeemed.class,
                    PointsRedemptionRejected.class, PointsAdjusted.class, PointsExpired.class, TierChanged.class));
    public static final Topic POINTS_REQUESTS = new Topic("loyalty.points-requests.v1",
            "member id", "rewards-service", 6, Duration.ofDays(30), false, List.of(PointsDebitRequested.class));
    public static final Topic REWARDS = new Topic("loyalty.rewards.v1",
            "member id", "rewards-service", 6, FOREVER, false, List.of(CouponIssued.class));
    public static final Topic NOTIFICATIONS = new Topic("loyalty.notifications.v1",
            "member id", "any service", 6, Duration.ofDays(7), false, List.of(NotificationRequested.class));
    public static final Topic RETENTION = new Topic("loyalty.analytics.retention.v1",
            "chain id and period", "analytics-service", 3, FOREVER, true, List.of());
    public static final Topic CHURN = new Topic("loyalty.analytics.churn.v1",
            "chain id and period", "analytics-service", 3, FOREVER, true, List.of());
    public static final Topic PARTICIPATION = new Topic("loyalty.analytics.participation.v1",
            "chain id and period", "analytics-service", 3, FOREVER, true, List.of(ParticipationView.class));

    public static final List<Topic> ALL = List.of(TRANSACTIONS, ENGAGEMENT, MEMBERS, CHAINS, POINTS, POINTS_REQUESTS,
            REWARDS, NOTIFICATIONS, RETENTION, CHURN, PARTICIPATION);

    private static final Map<String, Class<? extends IntegrationEvent>> EVENTS_BY_TYPE = ALL.stream()
            .flatMap(topic -> topic.events().stream())
            .collect(Collectors.toUnmodifiableMap(IntegrationEvent::typeOf, Function.identity()));

    private Topics() {
    }

    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The event class for a CloudEvents {@code ce_type}, if it is part of the published language. */
    public static Optional<Class<? extends IntegrationEvent>> eventClass(String ceType) {
        return Optional.ofNullable(EVENTS_BY_TYPE.get(ceType));
    }

    /** The topic an event class travels on. */
    public static Topic topicOf(Class<? extends IntegrationEvent> eventClass) {
        return ALL.stream().filter(topic -> topic.events().contains(eventClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(eventClass + " is on no topic of the registry"));
    }
}

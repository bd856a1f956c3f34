package io.patronage.contracts;

import io.patronage.contracts.analytics.BasketView;
import io.patronage.contracts.analytics.ChurnView;
import io.patronage.contracts.analytics.CohortView;
import io.patronage.contracts.analytics.CouponView;
import io.patronage.contracts.analytics.CustomerSummaryView;
import io.patronage.contracts.analytics.CustomerValueView;
import io.patronage.contracts.analytics.DormantMember;
import io.patronage.contracts.analytics.ParticipationView;
import io.patronage.contracts.analytics.PointsView;
import io.patronage.contracts.analytics.RetentionView;
import io.patronage.contracts.analytics.SatisfactionView;
import io.patronage.contracts.audit.AuditRecorded;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.engagement.EngagementEvent;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.ConsentsChanged;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.members.ReferralRegistered;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.points.PointsAdjusted;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsCreditRequested;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsExpired;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsRedemptionRejected;
import io.patronage.contracts.points.PointsReversed;
import io.patronage.contracts.points.TierChanged;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.rewards.CouponExpired;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.contracts.rewards.CouponReinstated;
import io.patronage.contracts.rewards.CouponUseRejected;
import io.patronage.contracts.rewards.CouponUsed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The topic registry: every topic Patronage reads or writes, in one place. */
public final class Topics {

    private static final Duration FOREVER = null;
    private static final String ENROLLMENT = "enrollment-service";
    private static final String POINTS_SERVICE = "points-service";
    private static final String REWARDS_SERVICE = "rewards-service";
    private static final String ANALYTICS = "analytics-service";

    public static final Topic TRANSACTIONS = Topic.plainJson("retail.transactions.v1",
            "card number, or transaction id when anonymous", List.of("the chains' POS systems"),
            12, FOREVER, false, PosTransaction.class)
            .readBy(POINTS_SERVICE, REWARDS_SERVICE, ANALYTICS);
    public static final Topic ENGAGEMENT = Topic.plainJson("retail.engagement.v1",
            "member id", List.of("the chains' apps and surveys"), 6, FOREVER, false, EngagementEvent.class)
            .readBy(POINTS_SERVICE, ANALYTICS);
    public static final Topic MEMBERS = Topic.cloudEvents("loyalty.members.v1",
            "member id", List.of(ENROLLMENT), 6, FOREVER, false,
            MemberEnrolled.class, ReferralRegistered.class, CardReplaced.class, ConsentsChanged.class,
            MemberOptedOut.class, MemberErased.class)
            .readBy(POINTS_SERVICE, REWARDS_SERVICE, ANALYTICS);
    /** Compacted: the latest {@link ChainConfigured} per chain id is the chain; every service reads it all. */
    public static final Topic CHAINS = Topic.cloudEvents("loyalty.chains.v1",
            "chain id", List.of(ENROLLMENT), 1, FOREVER, true, ChainConfigured.class)
            .readBy(ENROLLMENT, POINTS_SERVICE, REWARDS_SERVICE, ANALYTICS);
    public static final Topic POINTS = Topic.cloudEvents("loyalty.points.v1",
            "member id", List.of(POINTS_SERVICE), 12, FOREVER, false,
            PointsEarned.class, PointsAwarded.class, PointsReversed.class, PointsRedeemed.class,
            PointsRedemptionRejected.class, PointsAdjusted.class, PointsExpired.class, TierChanged.class)
            .readBy(REWARDS_SERVICE, ANALYTICS);
    public static final Topic POINTS_REQUESTS = Topic.cloudEvents("loyalty.points-requests.v1",
            "member id", List.of(REWARDS_SERVICE), 6, Duration.ofDays(30), false, PointsDebitRequested.class,
            PointsCreditRequested.class)
            .readBy(POINTS_SERVICE);
    public static final Topic REWARDS = Topic.cloudEvents("loyalty.rewards.v1",
            "member id", List.of(REWARDS_SERVICE), 6, FOREVER, false, CouponIssued.class, CouponUsed.class,
            CouponUseRejected.class, CouponReinstated.class, CouponExpired.class)
            .readBy(ANALYTICS);
    public static final Topic NOTIFICATIONS = Topic.cloudEvents("loyalty.notifications.v1",
            "member id", List.of(ENROLLMENT, POINTS_SERVICE, REWARDS_SERVICE), 6, Duration.ofDays(7), false,
            NotificationRequested.class)
            .readBy(ENROLLMENT);
    public static final Topic RETENTION = Topic.cloudEvents("loyalty.analytics.retention.v1",
            "chain id and period (cohort rows: chain id, cohort and month)", List.of(ANALYTICS), 3, FOREVER, true,
            RetentionView.class, CohortView.class);
    public static final Topic CHURN = Topic.cloudEvents("loyalty.analytics.churn.v1",
            "chain id and period", List.of(ANALYTICS), 3, FOREVER, true, ChurnView.class);
    public static final Topic PARTICIPATION = Topic.cloudEvents("loyalty.analytics.participation.v1",
            "chain id and period", List.of(ANALYTICS), 3, FOREVER, true, ParticipationView.class);

    public static final Topic POINTS_VIEW = Topic.cloudEvents("loyalty.analytics.points.v1",
            "chain id and period", List.of(ANALYTICS), 3, FOREVER, true, PointsView.class);
    public static final Topic SATISFACTION = Topic.cloudEvents("loyalty.analytics.satisfaction.v1",
            "chain id and period", List.of(ANALYTICS), 3, FOREVER, true, SatisfactionView.class);

    /** The dormant list: one record per dormant member, a tombstone when they buy again or are erased. */
    public static final Topic DORMANT = Topic.cloudEvents("loyalty.analytics.dormant.v1",
            "chain id and member id", List.of(ANALYTICS), 3, FOREVER, true, DormantMember.class)
            .readBy(REWARDS_SERVICE);
    /** Customer value per member (tombstoned when the member is erased) and per chain, with CLV and RFM. */
    public static final Topic CUSTOMERS = Topic.cloudEvents("loyalty.analytics.customers.v1",
            "chain id and member id, or chain id and summary", List.of(ANALYTICS), 3,
            FOREVER, true, CustomerValueView.class, CustomerSummaryView.class);
    public static final Topic BASKETS = Topic.cloudEvents("loyalty.analytics.baskets.v1",
            "chain id and level (sku or category)", List.of(ANALYTICS), 3, FOREVER, true, BasketView.class);
    public static final Topic COUPONS = Topic.cloudEvents("loyalty.analytics.coupons.v1",
            "chain id and period", List.of(ANALYTICS), 3, FOREVER, true, CouponView.class);

    /**
     * Every ops and admin action, written by the service that performed it, for SIEMs; each service also answers
     * {@code GET /audit} for its own. Key: chain id ({@code platform} for platform-wide actions).
     */
    public static final Topic AUDIT = Topic.cloudEvents("loyalty.audit.v1",
            "chain id, or platform", List.of(ENROLLMENT, POINTS_SERVICE, REWARDS_SERVICE, ANALYTICS), 3, FOREVER,
            false, AuditRecorded.class);

    /** The Patronage services, by application name: each has its own Kafka user (see {@link #consumedBy}). */
    public static final List<String> SERVICES = List.of(ENROLLMENT, POINTS_SERVICE, REWARDS_SERVICE, ANALYTICS);

    /**
     * The services that run Kafka Streams with {@code exactly_once_v2}. Their {@code application.id} must start
     * with the service's name: it names their consumer group, their transactional ids and their internal
     * (changelog, repartition) topics, which their Kafka user may therefore use by that prefix.
     */
    public static final List<String> KAFKA_STREAMS = List.of(ANALYTICS);

    public static final List<Topic> ALL = List.of(TRANSACTIONS, ENGAGEMENT, MEMBERS, CHAINS, POINTS, POINTS_REQUESTS,
            REWARDS, NOTIFICATIONS, RETENTION, CHURN, PARTICIPATION, POINTS_VIEW, SATISFACTION, DORMANT, CUSTOMERS,
            BASKETS, COUPONS, AUDIT);

    private static final Map<String, Topic> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, Function.identity()));
    private static final Map<String, Class<? extends IntegrationEvent>> EVENTS_BY_TYPE = ALL.stream()
            .flatMap(topic -> topic.events().stream())
            .collect(Collectors.toUnmodifiableMap(IntegrationEvent::typeOf, Function.identity()));

    private Topics() {
    }

    public static Optional<Topic> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The event class for a CloudEvents {@code ce_type}, if it is part of the published language. */
    public static Optional<Class<? extends IntegrationEvent>> eventClass(String ceType) {
        return Optional.ofNullable(EVENTS_BY_TYPE.get(ceType));
    }

    /** The topics a Patronage service (by application name) publishes to, reserved ones excepted. */
    public static List<Topic> publishedBy(String service) {
        return ALL.stream().filter(topic -> !topic.reserved() && topic.producers().contains(service)).toList();
    }

    /** The topics a Patronage service (by application name) reads. */
    public static List<Topic> consumedBy(String service) {
        return ALL.stream().filter(topic -> topic.consumers().contains(service)).toList();
    }

    /**
     * Fails unless the registry says that this Patronage service reads the topic: in production its Kafka user
     * may read only what the registry grants it (deploy/kubernetes/kafka/users.yaml is rendered from here).
     * Topics outside the registry, and applications that are not Patronage services, are not checked.
     */
    public static void requireReader(String service, String topic) {
        Topic declared = BY_NAME.get(topic);
        if (declared != null && SERVICES.contains(service) && !declared.consumers().contains(service)) {
            throw new IllegalStateException(service + " reads " + topic + ", but the topic registry (Topics.java)"
                    + " does not list it among the topic's consumers, so its Kafka user may not read it: add "
                    + service + " to the topic's readBy(...) and regenerate the manifests");
        }
    }

    /** The topic an event class travels on. */
    public static Topic topicOf(Class<? extends IntegrationEvent> eventClass) {
        return ALL.stream().filter(topic -> topic.events().contains(eventClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(eventClass + " is on no topic of the registry"));
    }
}

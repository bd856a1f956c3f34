package io.patronage.rewards.automatic;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.rewards.members.MemberIds;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Welcome offers from {@code loyalty.members.v1} (group {@code rewards-service.welcome-offers}): a member enrolled in
 * a chain with a welcome offer gets its coupon, once (the coupon's id is {@code welcome:<chainId>:<memberId>}).
 */
@Singleton
class WelcomeOfferListener implements TopicListener {

    private final WelcomeOffers offers;
    private final CouponGrants grants;
    private final Clock clock;

    WelcomeOfferListener(WelcomeOffers offers, CouponGrants grants, Clock clock) {
        this.offers = offers;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "welcome-offers";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.MEMBERS);
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        for (InboundMessage message : batch) {
            if (message.payload() instanceof MemberEnrolled enrolled) {
                MemberIds.require(enrolled.memberId(), enrolled.chainId(), "MemberEnrolled");
                offers.find(enrolled.chainId())
                        .filter(offer -> WelcomeOfferPolicy.welcomes(offer, enrolled.enrolledAt()))
                        .ifPresent(offer -> grants.welcome(offer, enrolled.memberId(), clock.instant()));
            }
        }
    }
}

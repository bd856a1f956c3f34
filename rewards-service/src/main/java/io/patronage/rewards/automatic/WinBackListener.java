package io.patronage.rewards.automatic;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.analytics.DormantMember;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.StandardDecoder;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.rewards.availability.ChainZones;
import io.patronage.rewards.members.MemberDirectory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Win-back offers from analytics' dormant list {@code loyalty.analytics.dormant.v1} (group
 * {@code rewards-service.win-back}): a member of a chain with a win-back offer who fell dormant since the day it was
 * set, and still takes offers, gets its coupon once per dormancy spell ({@code winback:<chainId>:<memberId>:<since>}).
 * A tombstone (the member bought again, or was erased) ends the spell and grants nothing.
 */
@Singleton
class WinBackListener implements TopicListener {

    private final WinBackOffers offers;
    private final MemberDirectory members;
    private final ChainZones zones;
    private final CouponGrants grants;
    private final Clock clock;
    private final MessageDecoder events = new StandardDecoder();

    WinBackListener(WinBackOffers offers, MemberDirectory members, ChainZones zones, CouponGrants grants,
                    Clock clock) {
        this.offers = offers;
        this.members = members;
        this.zones = zones;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "win-back";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.DORMANT);
    }

    /** A tombstone carries no CloudEvent: it is passed over, not dead-lettered as a malformed record. */
    @Override
    public MessageDecoder decoder() {
        return record -> record.value() == null ? null : events.decode(record);
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        for (InboundMessage message : batch) {
            if (message.payload() instanceof DormantMember dormant) {
                if (dormant.chainId() == null || dormant.memberId() == null || dormant.since() == null) {
                    throw new IllegalArgumentException("DormantMember without chainId, memberId or since");
                }
                offers.find(dormant.chainId())
                        .filter(offer -> WinBackPolicy.winsBack(offer, zones.of(offer.chainId()), dormant))
                        .filter(offer -> members.takesOffers(dormant.memberId(), dormant.chainId()))
                        .ifPresent(offer -> grants.winBack(offer, dormant.memberId(), dormant.since(),
                                clock.instant()));
            }
        }
    }
}

package io.patronage.rewards.availability;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.points.PointsAdjusted;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsExpired;
import io.patronage.contracts.points.PointsLimits;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsReversed;
import io.patronage.contracts.points.TierChanged;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.PoisonMessageException;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows each member's balance (every ledger event carries the balance after it) and tier ({@code TierChanged}) on
 * {@code loyalty.points.v1} into {@link MemberStandings}.
 */
@Singleton
class MemberStandingListener implements TopicListener {

    private static final BigDecimal CEILING = BigDecimal.valueOf(PointsLimits.BALANCE);

    private final MemberStandings standings;

    MemberStandingListener(MemberStandings standings) {
        this.standings = standings;
    }

    @Override
    public String name() {
        return "member-standing";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.POINTS);
    }

    /**
     * A member's events are in order on their partition, and a redelivery replays them in that order from the last
     * commit, so writing the latest values is idempotent without processed-message bookkeeping.
     */
    @Override
    public boolean deduplicate() {
        return false;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        Map<String, MemberStandings.Update> latest = new LinkedHashMap<>();
        for (InboundMessage message : batch) {
            Object event = message.payload();
            String memberId = null;
            MemberStandings.Update update = null;
            if (event instanceof PointsEarned e) {
                memberId = e.memberId();
                update = balance("PointsEarned", memberId, e.balance());
            } else if (event instanceof PointsAwarded e) {
                memberId = e.memberId();
                update = balance("PointsAwarded", memberId, e.balance());
            } else if (event instanceof PointsReversed e) {
                memberId = e.memberId();
                update = balance("PointsReversed", memberId, e.balance());
            } else if (event instanceof PointsRedeemed e) {
                memberId = e.memberId();
                update = balance("PointsRedeemed", memberId, e.balance());
            } else if (event instanceof PointsAdjusted e) {
                memberId = e.memberId();
                update = balance("PointsAdjusted", memberId, e.balance());
            } else if (event instanceof PointsExpired e) {
                memberId = e.memberId();
                update = balance("PointsExpired", memberId, e.balance());
            } else if (event instanceof TierChanged e) {
                memberId = required("TierChanged", e.memberId());
                update = new MemberStandings.Update(null, true, e.toTier());
            }
            if (memberId != null) {
                latest.merge(memberId, update, MemberStandings.Update::then);
            }
        }
        standings.record(latest);
    }

    /**
     * In whole points, floored: what a reward's cost (whole points) is compared with.
     *
     * @throws PoisonMessageException without a member or a balance, or with a balance beyond the ledger's ceiling
     */
    static MemberStandings.Update balance(String type, String memberId, BigDecimal balance) {
        required(type, memberId);
        if (balance == null || balance.abs().compareTo(CEILING) > 0) {
            throw new PoisonMessageException(type + " needs a balance within ±" + PointsLimits.BALANCE + ": "
                    + (balance == null ? "none" : balance.toString()));
        }
        return new MemberStandings.Update(balance.setScale(0, RoundingMode.FLOOR).longValueExact(), false, null);
    }

    private static String required(String type, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new PoisonMessageException(type + " without memberId");
        }
        return memberId;
    }
}

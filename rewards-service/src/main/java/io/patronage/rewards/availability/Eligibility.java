package io.patronage.rewards.availability;

import io.patronage.rewards.catalog.Reward;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether a member can redeem a reward now, and why not: a pure function of the reward, the member and the counts. */
public final class Eligibility {

    public enum Reason {
        /** the time window has not opened yet (in the chain's zone) */
        NOT_YET_AVAILABLE,
        /** the time window has closed */
        NO_LONGER_AVAILABLE,
        /** reserved for other tiers than the member's */
        TIER,
        /** the stock is taken */
        OUT_OF_STOCK,
        /** the first X redemptions have been made */
        FIRST_X_REACHED,
        /** the member has redeemed it as often as allowed in this period */
        LIMIT_REACHED,
        /** fewer points than it costs, as far as this service has heard from points-service */
        INSUFFICIENT_POINTS,
        /** the member opted out or was erased: they redeem nothing */
        MEMBERSHIP_ENDED
    }

    /** The member as rewards-service knows them from {@code loyalty.points.v1}; {@code tier} null when none. */
    public record Standing(long balance, String tier) {
        public static final Standing UNKNOWN = new Standing(0, null);
    }

    private Eligibility() {
    }

    /**
     * Every reason the member cannot redeem the reward now, empty when they can.
     *
     * @param taken         units of the reward's stock taken in the chain (redeemed or reserved)
     * @param takenByMember redemptions of it by the member in the current period of its per-member limit
     */
    public static List<Reason> reasons(Reward reward, ZoneId zone, Instant now, Standing standing, long taken,
                                       long takenByMember) {
        List<Reason> reasons = new ArrayList<>(beforeReserving(reward, zone, now, standing.tier()));
        stock(reward, taken).ifPresent(reasons::add);
        limit(reward, takenByMember).ifPresent(reasons::add);
        if (standing.balance() < reward.pointsCost()) {
            reasons.add(Reason.INSUFFICIENT_POINTS);
        }
        return reasons;
    }

    /** What is checked before stock is reserved: the time window in the chain's zone, and the tier. */
    public static List<Reason> beforeReserving(Reward reward, ZoneId zone, Instant now, String tier) {
        List<Reason> reasons = new ArrayList<>();
        if (!reward.availableAt(now, zone)) {
            reasons.add(reward.availableFrom() != null && now.atZone(zone).toLocalDateTime().isBefore(reward.availableFrom())
                    ? Reason.NOT_YET_AVAILABLE : Reason.NO_LONGER_AVAILABLE);
        }
        if (!reward.tiers().isEmpty() && (tier == null || !reward.tiers().contains(tier))) {
            reasons.add(Reason.TIER);
        }
        return reasons;
    }

    /** Out of stock (or past the first X) once {@code taken} reaches the smaller of the two. */
    public static Optional<Reason> stock(Reward reward, long taken) {
        Long cap = reward.cap();
        if (cap == null || taken < cap) {
            return Optional.empty();
        }
        return Optional.of(reward.stock() != null && reward.stock().equals(cap) ? Reason.OUT_OF_STOCK
                : Reason.FIRST_X_REACHED);
    }

    public static Optional<Reason> limit(Reward reward, long takenByMember) {
        return reward.perMemberLimit() != null && takenByMember >= reward.perMemberLimit().count()
                ? Optional.of(Reason.LIMIT_REACHED) : Optional.empty();
    }
}

package io.patronage.rewards.automatic;

import java.time.Instant;

/** The welcome offer's decision, pure. */
final class WelcomeOfferPolicy {

    private WelcomeOfferPolicy() {
    }

    /**
     * A member enrolled once the chain had its offer gets it; one enrolled before does not, so reading the member
     * history again (a new consumer group, a reset) hands out no welcome coupons to long-standing members.
     */
    static boolean welcomes(WelcomeOffer offer, Instant enrolledAt) {
        return enrolledAt != null && !enrolledAt.isBefore(offer.since());
    }
}

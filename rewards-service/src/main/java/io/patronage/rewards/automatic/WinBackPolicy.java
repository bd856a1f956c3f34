package io.patronage.rewards.automatic;

import io.patronage.contracts.analytics.DormantMember;

import java.time.LocalDate;
import java.time.ZoneId;

/** The win-back offer's decision, pure. */
final class WinBackPolicy {

    private WinBackPolicy() {
    }

    /**
     * A member who fell dormant on or after the day (the chain's zone) the chain set its offer gets it; one dormant
     * since before does not, so reading the dormant list again (a new consumer group, a reset) hands nothing out to
     * long-dormant members.
     */
    static boolean winsBack(WinBackOffer offer, ZoneId zone, DormantMember dormant) {
        return dormant.since() != null && !dormant.since().isBefore(LocalDate.ofInstant(offer.since(), zone));
    }
}

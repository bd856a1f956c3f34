package io.patronage.analytics.views;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the dormant list knows of a member, as {@link DormancyStage} stores it, keyed {@code chainId:memberId}.
 *
 * @param lastPurchaseAt {@code null} for a member who never bought
 * @param lastDay        the day of the last purchase, or of the enrollment, in the chain's zone
 * @param published      whether the member is on the dormant list (published, not yet ended by a purchase)
 */
public record MemberDormancy(String chainId, String memberId, Instant lastPurchaseAt, LocalDate lastDay,
                             boolean published) {

    /** The day the member falls dormant. */
    public LocalDate since(int dormantAfterDays) {
        return lastDay.plusDays(dormantAfterDays);
    }

    public MemberDormancy dormant() {
        return new MemberDormancy(chainId, memberId, lastPurchaseAt, lastDay, true);
    }
}

package io.patronage.rewards.automatic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * A member's progress on one of the chain's punch cards.
 *
 * @param stamps    stamps on the card being filled (0 to {@code visits - 1})
 * @param completed cards the member completed and got a coupon for
 */
@Introspected
public record MemberPunchCard(String punchCardId,
                              String rewardId,
                              int visits,
                              @Nullable String sku,
                              @Nullable String category,
                              long stamps,
                              long completed) {
}

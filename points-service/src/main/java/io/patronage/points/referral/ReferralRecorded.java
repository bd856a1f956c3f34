package io.patronage.points.referral;

import io.patronage.points.ledger.PointsAccountEvent;

/** The member was referred by {@code referrerMemberId}: both may earn a bonus on the member's first purchase. */
public record ReferralRecorded(String memberId, String referrerMemberId) implements PointsAccountEvent {
}

package io.patronage.harness.workload;

import io.patronage.contracts.members.MemberEnrolled;

import java.time.Instant;
import java.time.MonthDay;

/**
 * An enrolled member with a card of their chain.
 *
 * @param activity relative share of the member transactions this member makes
 */
public record Member(String memberId, Store homeStore, String cardNumber, MonthDay birthday, String locale,
                     Instant enrolledAt, double activity) {

    public Chain chain() {
        return homeStore.chain();
    }

    public MemberEnrolled enrolled() {
        return new MemberEnrolled(memberId, chain().chainId(), cardNumber, birthday, locale, enrolledAt);
    }
}

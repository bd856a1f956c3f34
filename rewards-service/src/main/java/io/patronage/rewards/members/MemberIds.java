package io.patronage.rewards.members;

import io.patronage.kit.kafka.PoisonMessageException;

/** The ids a member event must carry for any listener of rewards-service to act on it. */
public final class MemberIds {

    private MemberIds() {
    }

    /** @throws PoisonMessageException naming the event's type when the member or the chain is missing */
    public static void require(String memberId, String chainId, String type) {
        if (isBlank(memberId) || isBlank(chainId)) {
            throw new PoisonMessageException(type + " without memberId or chainId");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

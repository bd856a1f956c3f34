package io.patronage.rewards.automatic;

import io.patronage.contracts.analytics.DormantMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinBackPolicyTest {

    /** Set on 3 December 23:30 in Athens (21:30 UTC). */
    private static final Instant SINCE = Instant.parse("2026-12-03T21:30:00Z");
    private static final WinBackOffer OFFER = new WinBackOffer("chain-1", "free-coffee", SINCE, SINCE);
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    private static DormantMember dormantSince(LocalDate since) {
        return new DormantMember("chain-1", "m-1", null, since, 60);
    }

    @Test
    void onlyMembersFallingDormantFromTheDayTheOfferWasSetAreWonBack() {
        assertTrue(WinBackPolicy.winsBack(OFFER, ATHENS, dormantSince(LocalDate.of(2026, 12, 3))),
                "the day it was set, in the chain's zone, earlier than the setting");
        assertTrue(WinBackPolicy.winsBack(OFFER, ATHENS, dormantSince(LocalDate.of(2027, 2, 1))));
        assertFalse(WinBackPolicy.winsBack(OFFER, ATHENS, dormantSince(LocalDate.of(2026, 12, 2))),
                "dormant before the offer: the list read again hands nothing out");
        assertFalse(WinBackPolicy.winsBack(OFFER, ZoneId.of("Pacific/Auckland"),
                dormantSince(LocalDate.of(2026, 12, 3))), "already 4 December in Auckland when it was set");
        assertFalse(WinBackPolicy.winsBack(OFFER, ATHENS, dormantSince(null)));
    }
}

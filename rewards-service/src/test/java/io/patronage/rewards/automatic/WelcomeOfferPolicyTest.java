package io.patronage.rewards.automatic;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WelcomeOfferPolicyTest {

    private static final Instant SINCE = Instant.parse("2026-12-01T00:00:00Z");
    private static final WelcomeOffer OFFER = new WelcomeOffer("chain-1", "free-coffee", SINCE, SINCE.plusSeconds(60));

    @Test
    void onlyMembersEnrolledOnceTheChainHadTheOfferAreWelcomed() {
        assertTrue(WelcomeOfferPolicy.welcomes(OFFER, SINCE));
        assertTrue(WelcomeOfferPolicy.welcomes(OFFER, SINCE.plusSeconds(1)));
        assertFalse(WelcomeOfferPolicy.welcomes(OFFER, SINCE.minusSeconds(1)), "a member from before the offer");
        assertFalse(WelcomeOfferPolicy.welcomes(OFFER, null));
    }
}

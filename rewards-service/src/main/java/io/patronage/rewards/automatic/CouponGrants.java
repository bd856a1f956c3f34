package io.patronage.rewards.automatic;

import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.Reward;
import io.patronage.rewards.redemption.CouponCodeClaims;
import io.patronage.rewards.redemption.CouponGranted;
import io.patronage.rewards.redemption.GrantCoupon;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Hands out the coupon an automatic reward earned, once per occasion: the coupon's id names the occasion, so a second
 * grant for it (a redelivery after a crash) finds the coupon stored already and changes nothing.
 */
@Singleton
class CouponGrants {

    private static final Logger LOG = LoggerFactory.getLogger(CouponGrants.class);

    private final Catalog catalog;
    private final CouponCodeClaims codes;
    private final CommandGateway commands;

    CouponGrants(Catalog catalog, CouponCodeClaims codes, CommandGateway commands) {
        this.catalog = catalog;
        this.codes = codes;
        this.commands = commands;
    }

    /** The coupon of the member's {@code card}-th completed card of the punch card. */
    void completedCard(PunchCard punchCard, String memberId, long card, Instant at) {
        grant("punch:" + punchCard.chainId() + ":" + memberId + ":" + punchCard.id() + ":" + card, punchCard.chainId(),
                memberId, punchCard.rewardId(), CouponGranted.PUNCH_CARD, punchCard.id(), punchCard.visits(), at);
    }

    /** The coupon of the member's {@code crossed}-th milestone of lifetime spend. */
    void milestoneCrossed(SpendMilestone milestone, String memberId, long crossed, Instant at) {
        grant("milestone:" + milestone.chainId() + ":" + memberId + ":" + milestone.id() + ":" + crossed,
                milestone.chainId(), memberId, milestone.rewardId(), CouponGranted.SPEND_MILESTONE, milestone.id(), 0,
                at);
    }

    /** The welcome coupon of a member enrolled in a chain with a welcome offer. */
    void welcome(WelcomeOffer offer, String memberId, Instant at) {
        grant("welcome:" + offer.chainId() + ":" + memberId, offer.chainId(), memberId, offer.rewardId(),
                CouponGranted.WELCOME_OFFER, "welcome", 0, at);
    }

    /** The birthday coupon of the member's birthday in {@code year} (one a year, whichever way the offer counts). */
    void birthday(BirthdayOffer offer, String memberId, int year, Instant at) {
        grant("birthday:" + offer.chainId() + ":" + memberId + ":" + year, offer.chainId(), memberId,
                offer.rewardId(), CouponGranted.BIRTHDAY_OFFER, "birthday", 0, at);
    }

    /** The win-back coupon of the member's dormancy spell that began on {@code since}. */
    void winBack(WinBackOffer offer, String memberId, LocalDate since, Instant at) {
        grant("winback:" + offer.chainId() + ":" + memberId + ":" + since, offer.chainId(), memberId,
                offer.rewardId(), CouponGranted.WIN_BACK_OFFER, "win-back", 0, at);
    }

    private void grant(String grantId, String chainId, String memberId, String rewardId, String occasion,
                       String policyId, int visits, Instant at) {
        // the chain's reward, or the configured one; a withdrawn reward still gives what the policy promised
        Optional<Reward> reward = catalog.current(chainId, rewardId).or(() -> catalog.current(null, rewardId));
        if (reward.isEmpty()) {
            LOG.warn("{} of chain {} names reward {}, which does not exist; no coupon for {}", policyId, chainId,
                    rewardId, grantId);
            return;
        }
        String code = codes.claim(chainId, memberId, grantId);
        try {
            commands.sendAndWait(new GrantCoupon(grantId, memberId, chainId, rewardId, code,
                    reward.get().couponValidity(), at, occasion, policyId, visits));
        } catch (RuntimeException e) {
            if (!alreadyGranted(e)) {
                throw e;
            }
        }
    }

    private static boolean alreadyGranted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}

package io.patronage.rewards.redemption;

import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.rewards.catalog.Catalog;
import io.patronage.rewards.catalog.CouponTerms;
import io.patronage.rewards.catalog.Reward;
import jakarta.inject.Singleton;

/**
 * What a reward's coupon gives, for the member's message: the reward's coupon terms as the catalog holds them when the
 * coupon is announced, an amount in the chain's currency.
 */
@Singleton
class CouponOffers {

    private final Catalog catalog;
    private final ChainDirectory chains;

    CouponOffers(Catalog catalog, ChainDirectory chains) {
        this.catalog = catalog;
        this.chains = chains;
    }

    /** {@code null} when the reward says nothing of what its coupon gives (the till knows it by its id). */
    CouponOffer of(String chainId, String rewardId) {
        CouponTerms terms = catalog.current(chainId, rewardId).or(() -> catalog.current(null, rewardId))
                .map(Reward::coupon).orElse(null);
        if (terms == null || terms.kind() == null) {
            return null;
        }
        return switch (terms.kind()) {
            case PERCENT_OFF -> CouponOffer.percentOff(terms.percentOff());
            case AMOUNT_OFF -> chains.find(chainId).map(ChainConfigured::currency)
                    .map(currency -> CouponOffer.amountOff(terms.amountOff(), currency)).orElse(null);
            case FREE_PRODUCT -> CouponOffer.freeProduct(terms.sku());
        };
    }
}

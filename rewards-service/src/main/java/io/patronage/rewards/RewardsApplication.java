package io.patronage.rewards;

import io.micronaut.runtime.Micronaut;

/** Reward catalog, redemption saga and coupons. */
public final class RewardsApplication {

    private RewardsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(RewardsApplication.class, args);
    }
}

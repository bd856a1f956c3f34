package io.patronage.rewards.redemption;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;

/** Draws the codes a test scripts (to make two coupons draw the same code), then random ones. */
@Singleton
@Replaces(RandomCouponCodes.class)
@Requires(property = "patronage.test.scripted-coupon-codes")
public class ScriptedCouponCodes implements CouponCodes {

    private final Deque<String> scripted = new ArrayDeque<>();
    private final RandomCouponCodes random = new RandomCouponCodes();

    public synchronized void script(String... codes) {
        scripted.addAll(java.util.List.of(codes));
    }

    @Override
    public synchronized String next() {
        return scripted.isEmpty() ? random.next() : scripted.poll();
    }
}

package io.patronage.rewards.coupons;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CouponTest {

    @Test
    void aCouponExpiresAtItsExpiryInstant() {
        Instant expiresAt = Instant.parse("2026-03-31T09:00:00Z");

        assertEquals(Coupon.Status.ISSUED, Coupon.statusAt(expiresAt, expiresAt.minusMillis(1)));
        assertEquals(Coupon.Status.EXPIRED, Coupon.statusAt(expiresAt, expiresAt));
    }
}

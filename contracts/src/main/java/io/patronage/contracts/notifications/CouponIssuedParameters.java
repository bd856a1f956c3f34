package io.patronage.contracts.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * {@code COUPON_ISSUED}, sent by rewards-service: coupon {@code couponCode} for reward {@code rewardId}, valid until
 * {@code expiresAt} ({@code null}: no end). {@code offer}: what the coupon gives ({@code null}: the reward does not say).
 */
public record CouponIssuedParameters(String couponCode, String rewardId, Instant expiresAt, CouponOffer offer)
        implements NotificationParameters {

    public static final String KIND = "COUPON_ISSUED";

    public CouponIssuedParameters(String couponCode, String rewardId, Instant expiresAt) {
        this(couponCode, rewardId, expiresAt, null);
    }

    public CouponIssuedParameters {
        NotificationParameters.require(KIND, "couponCode", couponCode);
        NotificationParameters.require(KIND, "rewardId", rewardId);
    }

    static CouponIssuedParameters from(Map<String, String> values) {
        Wire wire = new Wire(KIND, values);
        return new CouponIssuedParameters(wire.required("couponCode"), wire.required("rewardId"),
                wire.instant("expiresAt", wire.optional("expiresAt")), CouponOffer.read(KIND, values));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> toMap() {
        return CouponOffer.writeTo(Wire.write("couponCode", couponCode, "rewardId", rewardId, "expiresAt", expiresAt),
                offer);
    }
}

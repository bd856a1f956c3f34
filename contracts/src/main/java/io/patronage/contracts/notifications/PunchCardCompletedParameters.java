package io.patronage.contracts.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * {@code PUNCH_CARD_COMPLETED}, sent by rewards-service: the member's punch card {@code punchCardId} is full after
 * {@code visits} qualifying visits, and earned coupon {@code couponCode} for reward {@code rewardId}, valid until
 * {@code expiresAt} ({@code null}: no end).
 * {@code offer}: what the coupon gives ({@code null}: the reward does not say).
 */
public record PunchCardCompletedParameters(String couponCode, String rewardId, String punchCardId, int visits,
                                           Instant expiresAt, CouponOffer offer) implements NotificationParameters {

    public static final String KIND = "PUNCH_CARD_COMPLETED";

    public PunchCardCompletedParameters(String couponCode, String rewardId, String punchCardId, int visits,
                                        Instant expiresAt) {
        this(couponCode, rewardId, punchCardId, visits, expiresAt, null);
    }

    public PunchCardCompletedParameters {
        NotificationParameters.require(KIND, "couponCode", couponCode);
        NotificationParameters.require(KIND, "rewardId", rewardId);
        NotificationParameters.require(KIND, "punchCardId", punchCardId);
    }

    static PunchCardCompletedParameters from(Map<String, String> values) {
        Wire wire = new Wire(KIND, values);
        return new PunchCardCompletedParameters(wire.required("couponCode"), wire.required("rewardId"),
                wire.required("punchCardId"), wire.parse("visits", wire.required("visits"), Integer::parseInt),
                wire.instant("expiresAt", wire.optional("expiresAt")), CouponOffer.read(KIND, values));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> toMap() {
        return CouponOffer.writeTo(Wire.write("couponCode", couponCode, "rewardId", rewardId,
                "punchCardId", punchCardId, "visits", visits, "expiresAt", expiresAt), offer);
    }
}

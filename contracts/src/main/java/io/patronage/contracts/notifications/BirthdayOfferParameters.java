package io.patronage.contracts.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * {@code BIRTHDAY_OFFER}, sent by rewards-service: the chain's birthday offer, coupon {@code couponCode} for reward
 * {@code rewardId}, valid until {@code expiresAt} ({@code null}: no end).
 */
public record BirthdayOfferParameters(String couponCode, String rewardId, Instant expiresAt)
        implements NotificationParameters {

    public static final String KIND = "BIRTHDAY_OFFER";

    public BirthdayOfferParameters {
        NotificationParameters.require(KIND, "couponCode", couponCode);
        NotificationParameters.require(KIND, "rewardId", rewardId);
    }

    static BirthdayOfferParameters from(Map<String, String> values) {
        Wire wire = new Wire(KIND, values);
        return new BirthdayOfferParameters(wire.required("couponCode"), wire.required("rewardId"),
                wire.instant("expiresAt", wire.optional("expiresAt")));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> toMap() {
        return Wire.write("couponCode", couponCode, "rewardId", rewardId, "expiresAt", expiresAt);
    }
}

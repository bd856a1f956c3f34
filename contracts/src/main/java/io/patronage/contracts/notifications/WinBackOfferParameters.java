package io.patronage.contracts.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * {@code WIN_BACK_OFFER}, sent by rewards-service: the chain's win-back offer to a member who stopped buying, coupon
 * {@code couponCode} for reward {@code rewardId}, valid until {@code expiresAt} ({@code null}: no end).
 */
public record WinBackOfferParameters(String couponCode, String rewardId, Instant expiresAt)
        implements NotificationParameters {

    public static final String KIND = "WIN_BACK_OFFER";

    public WinBackOfferParameters {
        NotificationParameters.require(KIND, "couponCode", couponCode);
        NotificationParameters.require(KIND, "rewardId", rewardId);
    }

    static WinBackOfferParameters from(Map<String, String> values) {
        Wire wire = new Wire(KIND, values);
        return new WinBackOfferParameters(wire.required("couponCode"), wire.required("rewardId"),
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

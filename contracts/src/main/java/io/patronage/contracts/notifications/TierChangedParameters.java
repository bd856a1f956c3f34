package io.patronage.contracts.notifications;

import java.util.Map;

/**
 * {@code TIER_CHANGED}, sent by points-service: the member moved from {@code fromTier} ({@code null}: none, their
 * first tier) to {@code toTier} ({@code null}: none, they left every tier) for {@code reason} (e.g. {@code QUALIFIED}).
 */
public record TierChangedParameters(String fromTier, String toTier, String reason) implements NotificationParameters {

    public static final String KIND = "TIER_CHANGED";

    public TierChangedParameters {
        NotificationParameters.require(KIND, "reason", reason);
    }

    static TierChangedParameters from(Map<String, String> values) {
        Wire wire = new Wire(KIND, values);
        return new TierChangedParameters(wire.optional("fromTier"), wire.optional("toTier"), wire.required("reason"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> toMap() {
        return Wire.write("fromTier", fromTier, "toTier", toTier, "reason", reason);
    }
}

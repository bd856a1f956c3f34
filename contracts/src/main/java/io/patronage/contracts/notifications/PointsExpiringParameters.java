package io.patronage.contracts.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** {@code POINTS_EXPIRING}, sent by points-service: {@code points} of the member's points expire at {@code expiresAt}. */
public record PointsExpiringParameters(BigDecimal points, Instant expiresAt) implements NotificationParameters {

    public static final String KIND = "POINTS_EXPIRING";

    public PointsExpiringParameters {
        NotificationParameters.require(KIND, "points", points);
        NotificationParameters.require(KIND, "expiresAt", expiresAt);
    }

    static PointsExpiringParameters from(Map<String, String> values) {
        Wire wire = new Wire(KIND, values);
        return new PointsExpiringParameters(wire.decimal("points", wire.required("points")),
                wire.instant("expiresAt", wire.required("expiresAt")));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> toMap() {
        return Wire.write("points", points, "expiresAt", expiresAt);
    }
}

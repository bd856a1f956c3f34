package io.patronage.contracts.notifications;

import java.util.Map;

/** {@code WELCOME}, sent by enrollment-service when a member enrolls. */
public record WelcomeParameters(String cardNumber) implements NotificationParameters {

    public static final String KIND = "WELCOME";

    public WelcomeParameters {
        NotificationParameters.require(KIND, "cardNumber", cardNumber);
    }

    static WelcomeParameters from(Map<String, String> values) {
        return new WelcomeParameters(new Wire(KIND, values).required("cardNumber"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> toMap() {
        return Wire.write("cardNumber", cardNumber);
    }
}

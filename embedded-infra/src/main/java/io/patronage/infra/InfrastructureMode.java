package io.patronage.infra;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Which infrastructure {@link Infrastructure#forTests()} uses, decided from settings and the Docker engine. */
enum InfrastructureMode {
    EXTERNAL, CONTAINERS, EMBEDDED;

    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    static final String MONGODB_URI = "MONGODB_URI";
    static final String SWITCH = "patronage.infra";

    /**
     * @param settings        looks a setting up by name, null when it is not set
     * @param dockerAvailable asked only when the switch is {@code auto}
     */
    static InfrastructureMode select(UnaryOperator<String> settings, BooleanSupplier dockerAvailable) {
        if (isSet(settings.apply(KAFKA_BOOTSTRAP_SERVERS)) && isSet(settings.apply(MONGODB_URI))) {
            return EXTERNAL;
        }
        String requested = settings.apply(SWITCH);
        String mode = isSet(requested) ? requested.trim().toLowerCase(Locale.ROOT) : "auto";
        return switch (mode) {
            case "containers" -> CONTAINERS;
            case "embedded" -> EMBEDDED;
            case "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    SWITCH + " must be auto, containers or embedded, not '" + requested + "'");
        };
    }

    /** A system property, else an environment variable of the same name. */
    static String setting(String name) {
        String value = System.getProperty(name);
        return isSet(value) ? value : System.getenv(name);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

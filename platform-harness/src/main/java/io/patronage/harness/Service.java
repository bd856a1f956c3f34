package io.patronage.harness;

import java.util.Locale;

/** The four services the launcher runs, each from its own runnable jar. */
public enum Service {
    ENROLLMENT(8081),
    POINTS(8082),
    REWARDS(8083),
    ANALYTICS(8084);

    private final int defaultPort;

    Service(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** {@code points} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Maven module and jar name, {@code points-service}. */
    public String artifact() {
        return label() + "-service";
    }

    public int defaultPort() {
        return defaultPort;
    }
}

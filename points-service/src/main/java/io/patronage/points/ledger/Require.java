package io.patronage.points.ledger;

/** Checks of command fields shared by every capability's commands. */
public final class Require {

    /**
     * The longest id, reason or actor a command takes: far above any real one, and a bound on what an operator's
     * request or a record from Kafka writes into the event log, which keeps it forever.
     */
    public static final int MAX_TEXT = 500;

    private Require() {
    }

    public static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TEXT + " characters, has "
                    + value.length());
        }
    }
}

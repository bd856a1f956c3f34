package io.patronage.points.ledger;

/** Checks of command fields shared by every capability's commands. */
public final class Require {

    private Require() {
    }

    public static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}

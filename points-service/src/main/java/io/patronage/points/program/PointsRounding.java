package io.patronage.points.program;

import java.math.RoundingMode;

/** How a program turns the exact points of a transaction into whole points, once per transaction. */
public enum PointsRounding {
    DOWN(RoundingMode.FLOOR),
    NEAREST(RoundingMode.HALF_UP),
    UP(RoundingMode.CEILING);

    private final RoundingMode mode;

    PointsRounding(RoundingMode mode) {
        this.mode = mode;
    }

    public RoundingMode mode() {
        return mode;
    }
}

package io.patronage.points.account;

public enum RejectionReason {
    /** The balance is below the points requested. */
    INSUFFICIENT_POINTS,
    /** The request asked for zero or negative points. */
    INVALID_POINTS
}

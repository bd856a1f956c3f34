package io.patronage.points.program;

/**
 * What a return does when the points it takes back were already spent (or expired).
 * The points to take back are always taken first from what is left of the purchase's own lot.
 */
public enum ReturnPolicy {
    /** Take back only what is left of the purchase's lot; the spent part is forgiven. */
    FORGIVE,
    /** Take the rest from the member's other lots, oldest first, down to a balance of zero; the rest is forgiven. */
    CLAMP_AT_ZERO,
    /** Take it all: the rest from other lots, then as a debt that makes the balance negative. */
    ALLOW_NEGATIVE
}

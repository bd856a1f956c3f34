package io.patronage.points.redemption;

public enum RejectionReason {
    /** The balance is below the points requested. */
    INSUFFICIENT_POINTS,
    /** The request asked for zero or negative points. */
    INVALID_POINTS,
    /** The account is frozen: its log holds an event beyond the ledger's limits (see {@link io.patronage.points.ledger.LedgerLimits}). */
    ACCOUNT_FROZEN
}

package io.patronage.points.ledger;

/**
 * A command refused because its outcome would cross the ledger's ceilings ({@link LedgerLimits}), or an account
 * that cannot be folded exactly because its log holds an event beyond them. Never a wrapped number: the message
 * says what would have overflowed. A refused transaction is dead-lettered with this message.
 */
public class PointsOverflowException extends IllegalStateException {

    public PointsOverflowException(String detail) {
        super("points overflow: " + detail);
    }
}

package io.patronage.points.errors;

/**
 * Why the service's application services refuse a request, in the domain's words; {@link PointsExceptionHandler} is
 * the one place that turns them into problem+json.
 */
public abstract sealed class PointsException extends RuntimeException {

    PointsException(String detail) {
        super(detail);
    }

    /** No such account (or earning, or account as of an instant). */
    public static final class NotFound extends PointsException {
        public NotFound(String what, String id) {
            super("no " + what + " with id " + id);
        }
    }

    /** The request itself is invalid (a parameter, an instant, a page). */
    public static final class InvalidRequest extends PointsException {
        public InvalidRequest(String detail) {
            super(detail);
        }
    }

    /** The account's log holds an event beyond the ledger's limits: it is frozen there. */
    public static final class AccountFrozen extends PointsException {
        public AccountFrozen(String detail) {
            super(detail);
        }
    }

    /** The account refused an operator's adjustment (a debit above the balance, a limit crossed). */
    public static final class AdjustmentRefused extends PointsException {
        public AdjustmentRefused(String detail) {
            super(detail);
        }
    }

    /** The account refused a till's or an operator's redemption (too few points available, a frozen account). */
    public static final class RedemptionRejected extends PointsException {
        public RedemptionRejected(String detail) {
            super(detail);
        }
    }

    /**
     * A program version that would change the unit of a chain's points ({@code pointsDecimals}) after they were
     * counted in another one.
     */
    public static final class PointsUnitFixed extends PointsException {
        public PointsUnitFixed(String detail) {
            super(detail);
        }
    }

    /** A program version whose currency is not the chain's. */
    public static final class WrongCurrency extends PointsException {
        public WrongCurrency(String detail) {
            super(detail);
        }
    }

    /** A program version that would take effect in the past. */
    public static final class RetroactiveProgram extends PointsException {
        public RetroactiveProgram(String detail) {
            super(detail);
        }
    }

    /** The chain already has another program version of that name. */
    public static final class VersionExists extends PointsException {
        public VersionExists(String detail) {
            super(detail);
        }
    }

    /** Totals beyond what a figure can hold (unreachable within the ledger's limits). */
    public static final class Overflow extends PointsException {
        public Overflow(String detail) {
            super(detail);
        }
    }
}

package io.patronage.rewards.redemption;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One member's redemption of one reward: requested, then either points debited and a coupon issued, or rejected, or
 * expired when points-service has not answered by the deadline. Points debited for a redemption that gets no coupon
 * (a debit after the deadline, or of less than the cost) are asked back once. Answers from points-service may be
 * redelivered, so a command repeating what already happened is a no-op; a command that does not fit the current
 * state is refused. The issued coupon is then used at a till once (a use in another transaction is refused and
 * recorded), given back by a return of the whole order while still valid, or expired. An automatic reward's coupon
 * ({@link GrantCoupon}) starts as issued, no points involved.
 */
public class Redemption {

    enum Status { REQUESTED, POINTS_DEBITED, COUPON_ISSUED, REJECTED, EXPIRED }

    @AggregateIdentifier
    private String redemptionId;
    private String memberId;
    private String chainId;
    private String rewardId;
    private long points;
    private Duration couponValidity;
    private Status status;
    private String couponCode;
    private Instant couponExpiresAt;
    private CouponState couponState;
    private String usedIn;
    private boolean refunded;
    /** Transactions whose use of the coupon was refused: a redelivery of one is not refused (published) twice. */
    private final Set<String> refusedUses = new HashSet<>();
    /** Transactions that used the coupon, also one returned since: a redelivery of one does not use it again. */
    private final Set<String> usedBy = new HashSet<>();

    /** What became of the issued coupon. */
    enum CouponState { VALID, USED, EXPIRED }

    protected Redemption() {
    }

    @CommandHandler
    public Redemption(RequestRedemption command) {
        if (command.points() <= 0 || !positive(command.couponValidity())) {
            throw new IllegalArgumentException("a redemption costs points and yields a coupon valid for some time");
        }
        apply(new RedemptionRequested(command.redemptionId(), command.memberId(), command.chainId(),
                command.rewardId(), command.points(), (int) command.couponValidity().toDays(), command.requestedAt(),
                command.rewardVersion(), command.deadline(), command.couponValidity()));
    }

    @CommandHandler
    public Redemption(GrantCoupon command) {
        if (!positive(command.couponValidity())) {
            throw new IllegalArgumentException("a granted coupon is valid for some time");
        }
        apply(new CouponGranted(command.redemptionId(), command.memberId(), command.chainId(), command.rewardId(),
                command.couponCode(), command.grantedAt(),
                command.grantedAt().plus(command.couponValidity()), command.occasion(),
                command.policyId(), command.visits()));
    }

    @CommandHandler
    public void handle(ConfirmPointsDebited command) {
        if (status == Status.POINTS_DEBITED || status == Status.COUPON_ISSUED) {
            return;
        }
        if (status == Status.EXPIRED) {
            refund(command.points(), "LATE_DEBIT", command.debitedAt());
            return;
        }
        requireStatus(Status.REQUESTED, "confirm a debit");
        if (command.points().compareTo(BigDecimal.valueOf(points)) != 0) {
            throw new IllegalStateException("redemption " + redemptionId + " asked for " + points
                    + " points but " + command.points().toPlainString() + " were debited");
        }
        apply(new PointsDebited(redemptionId, points, command.debitedAt()));
    }

    @CommandHandler
    public void handle(RefusePartialDebit command) {
        if (status == Status.POINTS_DEBITED || status == Status.COUPON_ISSUED) {
            throw new IllegalStateException("redemption " + redemptionId + " was debited in full already; a partial "
                    + "debit of " + command.points().toPlainString() + " points does not fit");
        }
        if (status == Status.REQUESTED) {
            apply(new RedemptionRejected(redemptionId, "PARTIAL_DEBIT", "points-service debited "
                    + command.points().toPlainString() + " of the " + points + " points the reward costs; they are given back", command.debitedAt()));
        }
        refund(command.points(), status == Status.EXPIRED ? "LATE_DEBIT" : "PARTIAL_DEBIT", command.debitedAt());
    }

    @CommandHandler
    public void handle(ExpireRedemption command) {
        if (status == Status.REQUESTED) {
            apply(new RedemptionExpired(redemptionId, command.at()));
        }
    }

    /** Debited points of a redemption without coupon go back, once. */
    private void refund(BigDecimal debited, String reason, Instant at) {
        if (!refunded && debited.signum() > 0) {
            apply(new PointsRefundRequested(redemptionId, memberId, chainId, debited, reason, at));
        }
    }

    @CommandHandler
    public void handle(RejectRedemption command) {
        if (status == Status.REJECTED || status == Status.EXPIRED) {
            return; // a refusal after the deadline: nothing was debited, the stock is back already
        }
        requireStatus(Status.REQUESTED, "reject it");
        apply(new RedemptionRejected(redemptionId, command.reason(), command.detail(), command.rejectedAt()));
    }

    @CommandHandler
    public void handle(IssueCoupon command) {
        if (status == Status.COUPON_ISSUED && couponCode.equals(command.couponCode())) {
            return;
        }
        requireStatus(Status.POINTS_DEBITED, "issue a coupon");
        apply(new CouponIssued(redemptionId, memberId, chainId, rewardId, points, command.couponCode(),
                command.issuedAt(), command.issuedAt().plus(couponValidity)));
    }

    @CommandHandler
    public void handle(UseCoupon command) {
        if (refusedUses.contains(command.transactionId()) || usedBy.contains(command.transactionId())) {
            return;
        }
        String refusal = null;
        String detail = null;
        if (status != Status.COUPON_ISSUED) {
            refusal = "NOT_ISSUED";
            detail = "the coupon of redemption " + redemptionId + " was not issued";
        } else if (!couponCode.equals(command.couponCode())) {
            // a code claimed for this redemption by an instance killed before it issued the coupon with it
            refusal = "NOT_ISSUED";
            detail = "the coupon of redemption " + redemptionId + " was issued with another code";
        } else if (couponState == CouponState.USED) {
            refusal = "ALREADY_USED";
            detail = "the coupon was used in transaction " + usedIn;
        } else if (couponState == CouponState.EXPIRED || expiredAt(command.at())) {
            refusal = "EXPIRED";
            detail = "the coupon expired at " + couponExpiresAt;
        }
        if (refusal != null) {
            apply(new CouponUseRejected(redemptionId, memberId, chainId, command.couponCode(), command.transactionId(),
                    command.storeId(), refusal, detail, command.at()));
        } else {
            apply(new CouponUsed(redemptionId, memberId, chainId, rewardId, couponCode, command.transactionId(),
                    command.storeId(), command.at()));
        }
    }

    /** Only a coupon used in that very purchase comes back, and only while it is still valid. */
    @CommandHandler
    public void handle(ReinstateCoupon command) {
        if (couponState == CouponState.USED && usedIn.equals(command.originalTransactionId())
                && !expiredAt(command.at())) {
            apply(new CouponReinstated(redemptionId, memberId, chainId, couponCode, command.returnTransactionId(),
                    command.at(), couponExpiresAt));
        }
    }

    @CommandHandler
    public void handle(ExpireCoupon command) {
        if (couponState == CouponState.VALID && expiredAt(command.at())) {
            apply(new CouponExpired(redemptionId, memberId, chainId, rewardId, couponCode, command.at()));
        }
    }

    /** Whether the coupon is past its expiry at {@code at}; a coupon without end never is. */
    private boolean expiredAt(Instant at) {
        return couponExpiresAt != null && !at.isBefore(couponExpiresAt);
    }

    private void requireStatus(Status required, String action) {
        if (status != required) {
            throw new IllegalStateException("cannot " + action + " for redemption " + redemptionId + ": it is "
                    + status + ", not " + required);
        }
    }

    @EventSourcingHandler
    void on(RedemptionRequested event) {
        redemptionId = event.redemptionId();
        memberId = event.memberId();
        chainId = event.chainId();
        rewardId = event.rewardId();
        points = event.points();
        couponValidity = event.validity();
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(PointsDebited event) {
        status = Status.POINTS_DEBITED;
    }

    @EventSourcingHandler
    void on(RedemptionRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(RedemptionExpired event) {
        status = Status.EXPIRED;
    }

    @EventSourcingHandler
    void on(PointsRefundRequested event) {
        refunded = true;
    }

    @EventSourcingHandler
    void on(CouponIssued event) {
        status = Status.COUPON_ISSUED;
        couponCode = event.couponCode();
        couponExpiresAt = event.expiresAt();
        couponState = CouponState.VALID;
    }

    @EventSourcingHandler
    void on(CouponGranted event) {
        redemptionId = event.redemptionId();
        memberId = event.memberId();
        chainId = event.chainId();
        rewardId = event.rewardId();
        status = Status.COUPON_ISSUED;
        couponCode = event.couponCode();
        couponExpiresAt = event.expiresAt();
        couponState = CouponState.VALID;
    }

    @EventSourcingHandler
    void on(CouponUsed event) {
        couponState = CouponState.USED;
        usedIn = event.transactionId();
        usedBy.add(event.transactionId());
    }

    @EventSourcingHandler
    void on(CouponUseRejected event) {
        refusedUses.add(event.transactionId());
    }

    @EventSourcingHandler
    void on(CouponReinstated event) {
        couponState = CouponState.VALID;
        usedIn = null;
    }

    @EventSourcingHandler
    void on(CouponExpired event) {
        couponState = CouponState.EXPIRED;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}

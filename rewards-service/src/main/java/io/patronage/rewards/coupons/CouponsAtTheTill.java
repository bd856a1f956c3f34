package io.patronage.rewards.coupons;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.rewards.redemption.ChainCouponCodes;
import io.patronage.rewards.redemption.ReinstateCoupon;
import io.patronage.rewards.redemption.UseCoupon;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Coupons at the till (one of the till stream's policies): a purchase whose {@code couponCodes} name coupons of its
 * chain uses them ({@link UseCoupon}: once; a use in another transaction is refused and published), and the return of
 * a whole purchase (returns naming it as {@code originalTransactionId} whose totals add up to the purchase's) gives
 * its coupons back while they are valid. Codes that are no coupon of the chain (the chain's own promotions) are left
 * alone. Handling a record again changes nothing: the coupon takes a repeated use by the same sale as a no-op, a
 * purchase's returns are a set, and a reinstated coupon is reinstated once.
 */
@Singleton
public class CouponsAtTheTill {

    private final ChainCouponCodes codes;
    private final CouponUses uses;
    private final CommandGateway commands;

    CouponsAtTheTill(ChainCouponCodes codes, CouponUses uses, CommandGateway commands) {
        this.codes = codes;
        this.uses = uses;
        this.commands = commands;
    }

    public void handle(List<PosTransaction> transactions) {
        for (PosTransaction transaction : transactions) {
            if (transaction.type() == TransactionType.PURCHASE) {
                purchase(transaction);
            } else if (transaction.type() == TransactionType.RETURN && transaction.originalTransactionId() != null) {
                returned(transaction);
            }
        }
    }

    private void purchase(PosTransaction transaction) {
        if (transaction.couponCodes() == null || transaction.couponCodes().isEmpty()) {
            return;
        }
        Map<String, String> redemptions = codes.redemptionsOf(transaction.chainId(),
                new LinkedHashSet<>(transaction.couponCodes()));
        if (redemptions.isEmpty()) {
            return;
        }
        List<String> used = new ArrayList<>();
        for (String code : new LinkedHashSet<>(transaction.couponCodes())) {
            String redemptionId = redemptions.get(code);
            if (redemptionId != null) {
                commands.sendAndWait(new UseCoupon(redemptionId, code, transaction.transactionId(),
                        transaction.storeId(), transaction.occurredAt().toInstant()));
                used.add(redemptionId);
            }
        }
        uses.record(transaction.chainId(), transaction.transactionId(), transaction.total(), used);
    }

    private void returned(PosTransaction transaction) {
        uses.returned(transaction.chainId(), transaction.originalTransactionId(), transaction.transactionId(),
                        transaction.total())
                .filter(CouponUses.Purchase::wholeReturned)
                .ifPresent(purchase -> purchase.redemptionIds().forEach(redemptionId -> commands.sendAndWait(
                        new ReinstateCoupon(redemptionId, transaction.originalTransactionId(),
                                transaction.transactionId(), transaction.occurredAt().toInstant()))));
    }
}

package io.patronage.analytics.views;

import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.kafka.PoisonMessageException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The facts of the customer-value and basket views, next to those {@link FactMapper} maps for the other views. */
final class ValueFacts {

    private ValueFacts() {
    }

    /**
     * A purchase or return as one {@link Fact.Till}: a purchase's first {@code basketLines} lines make its basket,
     * its coupon codes are kept; a return without a card changes no view.
     */
    static List<Fact> till(Object payload, int basketLines) {
        PosTransaction sale = (PosTransaction) payload;
        boolean isReturn = sale.type() == TransactionType.RETURN;
        if (sale.type() != TransactionType.PURCHASE && !isReturn || isReturn && !sale.hasCard()) {
            return List.of();
        }
        Set<String> skus = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        if (!isReturn && sale.lines() != null) {
            for (TransactionLine line : sale.lines().subList(0, Math.min(basketLines, sale.lines().size()))) {
                if (line != null && line.sku() != null && !line.sku().isBlank()) {
                    skus.add(line.sku());
                }
                if (line != null && line.category() != null && !line.category().isBlank()) {
                    categories.add(line.category());
                }
            }
        }
        if (!isReturn && sale.couponCodes() != null) {
            sale.couponCodes().stream().filter(code -> code != null && !code.isBlank()).forEach(codes::add);
        }
        return List.of(new Fact.Till(sale.chainId(), sale.hasCard() ? sale.cardNumber() : null, sale.transactionId(),
                isReturn, sale.occurredAt().toInstant(), sale.total(), sale.originalTransactionId(),
                List.copyOf(skus), List.copyOf(categories), List.copyOf(codes)));
    }

    /** Coupons issued; the other rewards events change no view (a use is read from the till). */
    static List<Fact> rewards(Object payload) {
        if (payload instanceof CouponIssued issued) {
            if (issued.chainId() == null || issued.chainId().isBlank() || issued.couponCode() == null
                    || issued.couponCode().isBlank() || issued.issuedAt() == null) {
                throw new PoisonMessageException("CouponIssued without chainId, couponCode or issuedAt cannot be counted");
            }
            return List.of(new Fact.CouponIssued(issued.chainId(), issued.couponCode(), issued.issuedAt()));
        }
        return List.of();
    }

    static List<Fact> member(Object payload) {
        if (payload instanceof MemberErased erased) {
            if (erased.chainId() == null || erased.chainId().isBlank() || erased.memberId() == null
                    || erased.memberId().isBlank()) {
                throw new PoisonMessageException("MemberErased without chainId or memberId cannot be applied");
            }
            return List.of(new Fact.CustomerErased(erased.chainId(), erased.memberId()));
        }
        return List.of();
    }

    static List<Fact> concat(List<Fact> first, List<Fact> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<Fact> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

package io.patronage.analytics.views;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the topology passes between its stages. Every fact is partitioned by its chain; {@link #key()} is what its
 * stage keeps it under: a card ({@code chainId:cardNumber}), a member ({@code chainId:memberId}) or a chain
 * ({@code chainId}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Fact.CardIssued.class, name = "card"),
        @JsonSubTypes.Type(value = Fact.Till.class, name = "till"),
        @JsonSubTypes.Type(value = Fact.Enrolled.class, name = "enrolled"),
        @JsonSubTypes.Type(value = Fact.Purchase.class, name = "purchase"),
        @JsonSubTypes.Type(value = Fact.Counted.class, name = "counted"),
        @JsonSubTypes.Type(value = Fact.DayChange.class, name = "day"),
        @JsonSubTypes.Type(value = Fact.Erased.class, name = "erased"),
        @JsonSubTypes.Type(value = Fact.CardRevoked.class, name = "card-revoked"),
        @JsonSubTypes.Type(value = Fact.Dormant.class, name = "dormant"),
        @JsonSubTypes.Type(value = Fact.MemberTill.class, name = "member-till"),
        @JsonSubTypes.Type(value = Fact.CustomerErased.class, name = "customer-erased"),
        @JsonSubTypes.Type(value = Fact.Basket.class, name = "basket"),
        @JsonSubTypes.Type(value = Fact.CouponIssued.class, name = "coupon-issued"),
        @JsonSubTypes.Type(value = Fact.Order.class, name = "order")})
public sealed interface Fact {

    /** The stage a fact is for; every stage is partitioned by chain. */
    enum Stage { CARD, MEMBER, CHAIN, CUSTOMER, BASKET, COUPON }

    String chainId();

    Stage stage();

    /** What its stage keeps it under. */
    String key();

    /** A card of a member: its purchases are the member's. */
    record CardIssued(String chainId, String cardNumber, String memberId) implements Fact {
        public Stage stage() {
            return Stage.CARD;
        }

        public String key() {
            return chainId + ":" + cardNumber;
        }
    }

    /**
     * A purchase or return as the till sent it, in one record for every stage that counts it: the card stage learns
     * whose it is and hands each stage its part (a till record is the topology's most frequent input, so it crosses
     * the re-keying once, not once per stage).
     *
     * @param cardNumber  {@code null} without a card
     * @param skus        a purchase's distinct products among its first {@link ValueSettings#basketLines()} lines
     * @param categories  their distinct categories
     * @param couponCodes a purchase's distinct coupon codes
     */
    record Till(String chainId, String cardNumber, String transactionId, boolean isReturn, Instant occurredAt,
                BigDecimal total, String originalTransactionId, List<String> skus, List<String> categories,
                List<String> couponCodes) implements Fact {
        public Till {
            skus = skus == null ? List.of() : List.copyOf(skus);
            categories = categories == null ? List.of() : List.copyOf(categories);
            couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
        }

        public Stage stage() {
            return Stage.CARD;
        }

        public String key() {
            return chainId + ":" + cardNumber;
        }

        public boolean hasCard() {
            return cardNumber != null;
        }
    }

    record Enrolled(String chainId, String memberId, Instant enrolledAt) implements Fact {
        public Stage stage() {
            return Stage.MEMBER;
        }

        public String key() {
            return chainId + ":" + memberId;
        }
    }

    /** A member's purchase. */
    record Purchase(String chainId, String memberId, Instant occurredAt, BigDecimal total) implements Fact {
        public Stage stage() {
            return Stage.MEMBER;
        }

        public String key() {
            return chainId + ":" + memberId;
        }
    }

    /** Changes to a chain's tallies and cohorts. */
    record Counted(String chainId, List<PeriodChange> periods, List<CohortChange> cohorts) implements Fact {
        public Counted {
            periods = periods == null ? List.of() : List.copyOf(periods);
            cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
        }

        public Stage stage() {
            return Stage.CHAIN;
        }

        public String key() {
            return chainId;
        }

        public boolean isEmpty() {
            return periods.isEmpty() && cohorts.isEmpty();
        }
    }

    /** A member's personal data was erased: every stage deletes the member's rows. */
    record Erased(String chainId, String memberId) implements Fact {
        public Stage stage() {
            return Stage.MEMBER;
        }

        public String key() {
            return chainId + ":" + memberId;
        }
    }

    /** A card of an erased member: it no longer names them. */
    record CardRevoked(String chainId, String cardNumber, String memberId) implements Fact {
        public Stage stage() {
            return Stage.CARD;
        }

        public String key() {
            return chainId + ":" + cardNumber;
        }
    }

    /** A member on a chain's dormant list, or off it ({@code member} {@code null}). */
    record Dormant(String chainId, String memberId, io.patronage.contracts.analytics.DormantMember member)
            implements Fact {
        public Stage stage() {
            return Stage.CHAIN;
        }

        public String key() {
            return chainId;
        }

        /** The key of the member's row on the dormant list, on its topic and in its store. */
        public String listKey() {
            return chainId + "|" + memberId;
        }
    }

    /**
     * A change to a chain's tallies of every period holding one day of its calendar, and to its expiring points:
     * the chain stage finds the periods, so the fact stays small on the re-keying.
     *
     * @param expiringByDay points per expiry day ({@code 2027-03-01}, the chain's zone), signed; empty when none
     */
    record DayChange(String chainId, java.time.LocalDate day, Tally change, java.util.Map<String, Long> expiringByDay)
            implements Fact {
        public DayChange {
            expiringByDay = expiringByDay == null ? java.util.Map.of() : java.util.Map.copyOf(expiringByDay);
        }

        public DayChange(String chainId, java.time.LocalDate day, Tally change) {
            this(chainId, day, change, java.util.Map.of());
        }

        public Stage stage() {
            return Stage.CHAIN;
        }

        public String key() {
            return chainId;
        }
    }

    /** @param period a period id of the kind ({@code 2026-11}, {@code all-time}, ...) */
    record PeriodChange(io.patronage.analytics.periods.PeriodKind kind, String period, Tally change) {
    }

    /**
     * @param cohort     the enrollment month, {@code 2026-11}
     * @param members    change of the cohort's size
     * @param monthsSince months since enrollment that gained ({@code +1}) or lost ({@code -1}) this member as a buyer
     */
    record CohortChange(String cohort, long members, java.util.Map<Integer, Long> monthsSince) {
    }

    /** A member's purchase or return, for the customer stage. */
    record MemberTill(String chainId, String memberId, String transactionId, boolean isReturn, Instant occurredAt,
                      BigDecimal total, String originalTransactionId) implements Fact {
        public Stage stage() {
            return Stage.CUSTOMER;
        }

        public String key() {
            return chainId;
        }
    }

    /** A member erased (GDPR): the customer stage forgets them. */
    record CustomerErased(String chainId, String memberId) implements Fact {
        public Stage stage() {
            return Stage.CUSTOMER;
        }

        public String key() {
            return chainId;
        }
    }

    /** The distinct products and categories of one purchase, member or not, for the basket stage. */
    record Basket(String chainId, Instant occurredAt, List<String> skus, List<String> categories) implements Fact {
        public Basket {
            skus = List.copyOf(skus);
            categories = List.copyOf(categories);
        }

        public Stage stage() {
            return Stage.BASKET;
        }

        public String key() {
            return chainId;
        }
    }

    /** A coupon issued to a member, for the coupon stage. */
    record CouponIssued(String chainId, String couponCode, Instant issuedAt) implements Fact {
        public Stage stage() {
            return Stage.COUPON;
        }

        public String key() {
            return chainId;
        }
    }

    /** A purchase, member or not, with the coupon codes the till sent, for the coupon stage. */
    record Order(String chainId, Instant occurredAt, BigDecimal total, List<String> couponCodes) implements Fact {
        public Order {
            couponCodes = List.copyOf(couponCodes);
        }

        public Stage stage() {
            return Stage.COUPON;
        }

        public String key() {
            return chainId;
        }
    }
}

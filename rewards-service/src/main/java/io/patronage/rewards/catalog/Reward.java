package io.patronage.rewards.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something a member can spend points on, as one version of it is stored.
 *
 * @param chainId            the one chain offering it, or {@code null} when every chain does (the configured seed)
 * @param version            1 for the first definition, one more at each update or withdrawal
 * @param name               display name by BCP 47 language tag, e.g. {@code en}, {@code el-GR}
 * @param description        longer text by language tag; may be empty
 * @param coupon             what the coupon gives; {@code null}: the till knows the reward by its id
 * @param couponValidityDays how long the coupon issued for it stays valid, in days; {@code null} when
 *                           {@code couponValidity} is not a whole number of days
 * @param couponValidity     how long the coupon issued for it stays valid (ISO-8601, e.g. {@code PT2H}); from
 *                           {@code couponValidityDays} when only those are given
 * @param stock              how many can be redeemed in all (a rejected or expired redemption gives its unit back);
 *                           {@code null}: no limit
 * @param firstX             only the first X redemptions (same counting as {@code stock}); {@code null}: no limit
 * @param availableFrom      local time in the chain's zone from which it can be redeemed; {@code null}: always
 * @param availableUntil     local time in the chain's zone until which (exclusive) it can be redeemed
 * @param tiers              the member tiers it is reserved for (a minimum tier: that tier and those above it);
 *                           empty: every member
 * @param perMemberLimit     how often one member may redeem it per period; {@code null}: no limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reward(String id,
                     String chainId,
                     Long version,
                     Status status,
                     Map<String, String> name,
                     Map<String, String> description,
                     long pointsCost,
                     CouponTerms coupon,
                     Integer couponValidityDays,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) Duration couponValidity,
                     Long stock,
                     Long firstX,
                     LocalDateTime availableFrom,
                     LocalDateTime availableUntil,
                     List<String> tiers,
                     MemberLimit perMemberLimit,
                     Instant updatedAt) {

    public enum Status { ACTIVE, WITHDRAWN }

    public Reward {
        name = name == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(name));
        description = description == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(description));
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        status = status == null ? Status.ACTIVE : status;
        if (couponValidity == null && couponValidityDays != null) {
            couponValidity = Duration.ofDays(couponValidityDays);
        }
        if (couponValidityDays == null && couponValidity != null && couponValidity.toDaysPart() > 0
                && couponValidity.equals(Duration.ofDays(couponValidity.toDays()))) {
            couponValidityDays = (int) couponValidity.toDays();
        }
    }

    /** A reward of the configured catalog: no coupon terms, stock, window, tier or limit. */
    public Reward(String id, Map<String, String> name, Map<String, String> description, long pointsCost,
                  String chainId, int couponValidityDays) {
        this(id, chainId, null, Status.ACTIVE, name, description, pointsCost, null, couponValidityDays, null, null,
                null, null, null, List.of(), null, null);
    }

    public boolean offeredIn(String chain) {
        return chainId == null || chainId.equals(chain);
    }

    @JsonIgnore
    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** The smaller of {@code stock} and {@code firstX}, or {@code null} when neither limits it. */
    @JsonIgnore
    public Long cap() {
        if (stock == null) {
            return firstX;
        }
        return firstX == null ? stock : Math.min(stock, firstX);
    }

    /** Whether {@code at} lies in the reward's time window, read in the chain's zone. */
    public boolean availableAt(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return (availableFrom == null || !local.isBefore(availableFrom))
                && (availableUntil == null || local.isBefore(availableUntil));
    }

    public Reward withVersion(long newVersion, Status newStatus, Instant at) {
        return new Reward(id, chainId, newVersion, newStatus, name, description, pointsCost, coupon, couponValidityDays,
                couponValidity, stock, firstX, availableFrom, availableUntil, tiers, perMemberLimit, at);
    }

    /** The same definition, whatever its version, status and time. */
    public boolean sameDefinitionAs(Reward other) {
        return other != null && withVersion(0, Status.ACTIVE, null).equals(other.withVersion(0, Status.ACTIVE, null));
    }
}

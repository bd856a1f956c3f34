package io.patronage.contracts.notifications;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a coupon gives, so that the member's message can say it: one of {@code percentOff} (1 to 100), {@code amountOff}
 * in {@code currency} (at that currency's minor units as the chain uses them) or a free product {@code sku}. On the
 * wire, next to the coupon's other parameters: {@code offerKind}, {@code percentOff}, {@code amountOff},
 * {@code currency}, {@code sku}; absent for a coupon whose reward says nothing of it (the till knows it by its id).
 */
public record CouponOffer(Kind kind, Integer percentOff, BigDecimal amountOff, String currency, String sku) {

    public enum Kind { PERCENT_OFF, AMOUNT_OFF, FREE_PRODUCT }

    /** The names it has on the wire, among the coupon's parameters. */
    public static final List<String> WIRE_NAMES = List.of("offerKind", "percentOff", "amountOff", "currency", "sku");

    public CouponOffer {
        if (kind == null
                || kind == Kind.PERCENT_OFF && percentOff == null
                || kind == Kind.AMOUNT_OFF && (amountOff == null || currency == null)
                || kind == Kind.FREE_PRODUCT && sku == null) {
            throw new IllegalArgumentException("a coupon offer needs its kind and that kind's value: " + kind);
        }
    }

    public static CouponOffer percentOff(int percent) {
        return new CouponOffer(Kind.PERCENT_OFF, percent, null, null, null);
    }

    public static CouponOffer amountOff(BigDecimal amount, String currency) {
        return new CouponOffer(Kind.AMOUNT_OFF, null, amount, currency, null);
    }

    public static CouponOffer freeProduct(String sku) {
        return new CouponOffer(Kind.FREE_PRODUCT, null, null, null, sku);
    }

    /** The offer the wire form carries, {@code null} when it carries none. */
    static CouponOffer read(String notificationKind, Map<String, String> values) {
        Wire wire = new Wire(notificationKind, values);
        String kind = wire.optional("offerKind");
        if (kind == null) {
            return null;
        }
        try {
            return new CouponOffer(Kind.valueOf(kind), wire.parse("percentOff", wire.optional("percentOff"),
                    Integer::parseInt), wire.decimal("amountOff", wire.optional("amountOff")),
                    wire.optional("currency"), wire.optional("sku"));
        } catch (IllegalArgumentException e) {
            throw new NotificationParameters.MissingParameterException(notificationKind, "offerKind", "cannot be read with its values: "
                    + values);
        }
    }

    /** Adds the offer's wire form to a coupon's parameters (nothing for {@code null}). */
    static Map<String, String> writeTo(Map<String, String> parameters, CouponOffer offer) {
        if (offer != null) {
            parameters.putAll(Wire.write("offerKind", offer.kind, "percentOff", offer.percentOff,
                    "amountOff", offer.amountOff, "currency", offer.currency, "sku", offer.sku));
        }
        return parameters;
    }
}

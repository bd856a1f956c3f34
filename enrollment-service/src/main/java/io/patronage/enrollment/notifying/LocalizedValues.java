package io.patronage.enrollment.notifying;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.contracts.notifications.NotificationParameters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notification's parameters as text for the member's locale (ICU: the JDK has no Solar Hijri calendar), or for
 * English when the member's language has no messages ({@link #formatting}): instants as
 * dates in the locale's calendar and format, in the chain's time zone (e.g. {@code fa-IR}: Solar Hijri, Persian
 * digits); numbers with the locale's digits, grouping and decimal separator (points with their decimals); text as
 * it is. A {@code null} field is left out.
 */
final class LocalizedValues {

    private LocalizedValues() {
    }

    static Map<String, String> of(NotificationParameters parameters, String locale, ZoneId zone) {
        ULocale uLocale = formatting(locale);
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent field : parameters.getClass().getRecordComponents()) {
            Object value = valueOf(field, parameters);
            if (value != null) {
                values.put(field.getName(), format(value, uLocale, zone));
            }
        }
        return values;
    }

    /**
     * The member's locale when there are messages in its language; otherwise English, the language the message
     * falls back to ({@link MessageTemplates#bundle}), so that an English text does not carry a German date
     * ("expire on 4. Januar 2027") or a Japanese one ("2027年1月4日").
     */
    static ULocale formatting(String locale) {
        ULocale member = ULocale.forLanguageTag(locale == null ? "en" : locale);
        String language = MessageTemplates.bundle(member.toLanguageTag()).getLocale().getLanguage();
        return member.getLanguage().equals(language.isEmpty() ? "en" : language) ? member : ULocale.ENGLISH;
    }

    /**
     * Points show their own decimals: none when written whole ({@code 150}), else at least two, as a chain whose points
     * have decimals counts them ({@code 2.5} → 2.50, {@code 150.00} → 150.00).
     */
    private static int fractionDigits(BigDecimal decimal) {
        return decimal.scale() <= 0 ? 0 : Math.max(decimal.scale(), 2);
    }

    static String format(Object value, ULocale locale, ZoneId zone) {
        if (value instanceof Instant instant) {
            DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, locale);
            format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
            return format.format(Date.from(instant));
        }
        if (value instanceof CouponOffer offer) {
            return offer(offer, locale);
        }
        if (value instanceof BigDecimal decimal) {
            NumberFormat format = NumberFormat.getInstance(locale);
            int decimals = fractionDigits(decimal);
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            return format.format(decimal);
        }
        if (value instanceof Number number) {
            return NumberFormat.getInstance(locale).format(number);
        }
        return value.toString();
    }

    /**
     * What a coupon gives, in the member's language ({@code offer.<KIND>} of {@code notifications*.properties}): a
     * percentage or an amount of the chain's currency in the locale's digits and format (the amount at the decimals
     * it carries, the chain's minor units), or the product's SKU.
     */
    static String offer(CouponOffer offer, ULocale locale) {
        String value = switch (offer.kind()) {
            case PERCENT_OFF -> NumberFormat.getPercentInstance(locale).format(offer.percentOff() / 100.0);
            case AMOUNT_OFF -> {
                NumberFormat money = NumberFormat.getCurrencyInstance(locale);
                money.setCurrency(com.ibm.icu.util.Currency.getInstance(offer.currency()));
                money.setMinimumFractionDigits(Math.max(0, offer.amountOff().scale()));
                money.setMaximumFractionDigits(Math.max(0, offer.amountOff().scale()));
                yield money.format(offer.amountOff());
            }
            case FREE_PRODUCT -> offer.sku();
        };
        return MessageTemplates.bundle(locale.toLanguageTag()).getString("offer." + offer.kind()).replace("{value}", value);
    }

    private static Object valueOf(RecordComponent field, Object record) {
        try {
            return field.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of " + record, e);
        }
    }
}

package io.patronage.rewards.catalog;

import io.patronage.kit.http.Problem.FieldError;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What a reward definition must satisfy; every problem is named by its field, as the API reports it. */
public final class RewardRules {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final long MAX_POINTS = 1_000_000_000_000L;
    static final int MAX_VALIDITY_DAYS = 3650;
    static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_SKU = 128;
    /** Caps on the lists a definition carries, so that no request makes a document without bound. */
    static final int MAX_TIERS = 20;
    static final int MAX_LANGUAGES = 50;
    /** A name is one line; a description may break lines, and neither holds other control characters (NUL, ESC). */
    private static final Pattern NAME_CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern DESCRIPTION_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private RewardRules() {
    }

    /**
     * @param currency the chain's currency: a fixed amount off has at most its minor units
     */
    public static List<FieldError> problems(String rewardId, RewardDefinition definition, Currency currency) {
        List<FieldError> problems = new ArrayList<>();
        if (rewardId == null || !ID.matcher(rewardId).matches()) {
            problems.add(new FieldError("rewardId", "must be 1 to 64 letters, digits, '-' or '_', starting with a "
                    + "letter or digit"));
        }
        texts(problems, "name", definition.name(), MAX_NAME, NAME_CONTROL, true);
        texts(problems, "description", definition.description(), MAX_DESCRIPTION, DESCRIPTION_CONTROL, false);
        if (definition.pointsCost() == null || definition.pointsCost() <= 0 || definition.pointsCost() > MAX_POINTS) {
            problems.add(new FieldError("pointsCost", "must be between 1 and " + MAX_POINTS));
        }
        validity(problems, definition);
        if (definition.coupon() != null) {
            coupon(problems, definition.coupon(), currency);
        }
        if (definition.stock() != null && definition.stock() < 0) {
            problems.add(new FieldError("stock", "must not be negative"));
        }
        if (definition.firstX() != null && definition.firstX() <= 0) {
            problems.add(new FieldError("firstX", "must be positive"));
        }
        if (definition.availableFrom() != null && definition.availableUntil() != null
                && !definition.availableUntil().isAfter(definition.availableFrom())) {
            problems.add(new FieldError("availableUntil", "must be after availableFrom"));
        }
        if (definition.tiers() != null && definition.tiers().size() > MAX_TIERS) {
            problems.add(new FieldError("tiers", "must name at most " + MAX_TIERS + " tiers, names "
                    + definition.tiers().size()));
        } else if (definition.tiers() != null) {
            for (int i = 0; i < definition.tiers().size(); i++) {
                String tier = definition.tiers().get(i);
                if (tier == null || tier.isBlank() || tier.length() > MAX_SKU) {
                    problems.add(new FieldError("tiers[" + i + "]", "must be a tier name"));
                }
            }
        }
        MemberLimit limit = definition.perMemberLimit();
        if (limit != null) {
            if (limit.count() <= 0) {
                problems.add(new FieldError("perMemberLimit.count", "must be positive"));
            }
            if (limit.period() == null) {
                problems.add(new FieldError("perMemberLimit.period", "is required: one of DAY, WEEK, MONTH, YEAR, EVER"));
            }
        }
        return problems;
    }

    private static void coupon(List<FieldError> problems, CouponTerms coupon, Currency currency) {
        if (coupon.kind() == null) {
            problems.add(new FieldError("coupon.kind", "is required: one of PERCENT_OFF, AMOUNT_OFF, FREE_PRODUCT"));
            return;
        }
        switch (coupon.kind()) {
            case PERCENT_OFF -> {
                if (coupon.percentOff() == null || coupon.percentOff() < 1 || coupon.percentOff() > 100) {
                    problems.add(new FieldError("coupon.percentOff", "must be between 1 and 100"));
                }
            }
            case AMOUNT_OFF -> {
                BigDecimal amount = coupon.amountOff();
                if (amount == null || amount.signum() <= 0) {
                    problems.add(new FieldError("coupon.amountOff", "must be a positive amount in " + currency));
                } else if (amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
                    problems.add(new FieldError("coupon.amountOff", "has more decimals than " + currency + " has ("
                            + Math.max(0, currency.getDefaultFractionDigits()) + ")"));
                }
            }
            case FREE_PRODUCT -> {
                if (coupon.sku() == null || coupon.sku().isBlank() || coupon.sku().length() > MAX_SKU) {
                    problems.add(new FieldError("coupon.sku", "is required: the product given, at most " + MAX_SKU
                            + " characters"));
                }
            }
        }
        if (coupon.kind() != CouponTerms.Kind.PERCENT_OFF && coupon.percentOff() != null) {
            problems.add(new FieldError("coupon.percentOff", "is only for PERCENT_OFF"));
        }
        if (coupon.kind() != CouponTerms.Kind.AMOUNT_OFF && coupon.amountOff() != null) {
            problems.add(new FieldError("coupon.amountOff", "is only for AMOUNT_OFF"));
        }
        if (coupon.kind() != CouponTerms.Kind.FREE_PRODUCT && coupon.sku() != null) {
            problems.add(new FieldError("coupon.sku", "is only for FREE_PRODUCT"));
        }
    }

    /** Either {@code couponValidityDays} or {@code couponValidity} (an ISO-8601 duration), between a minute and 10 years. */
    private static void validity(List<FieldError> problems, RewardDefinition definition) {
        Integer days = definition.couponValidityDays();
        String duration = definition.couponValidity();
        if (days != null && duration != null) {
            problems.add(new FieldError("couponValidity", "give either couponValidityDays or couponValidity, not both"));
        } else if (duration != null) {
            try {
                Duration validity = Duration.parse(duration);
                if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(Duration.ofDays(MAX_VALIDITY_DAYS)) > 0) {
                    problems.add(new FieldError("couponValidity", "must be between PT1M and P" + MAX_VALIDITY_DAYS + "D"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldError("couponValidity", "must be an ISO-8601 duration such as PT2H or P30D"));
            }
        } else if (days == null || days <= 0 || days > MAX_VALIDITY_DAYS) {
            problems.add(new FieldError("couponValidityDays", days == null
                    ? "is required (or couponValidity, an ISO-8601 duration such as PT2H)"
                    : "must be between 1 and " + MAX_VALIDITY_DAYS));
        }
    }

    private static void texts(List<FieldError> problems, String field, Map<String, String> texts, int max,
                              Pattern control, boolean required) {
        if (texts == null || texts.isEmpty()) {
            if (required) {
                problems.add(new FieldError(field, "needs a text in at least one language, by BCP 47 tag"));
            }
            return;
        }
        if (texts.size() > MAX_LANGUAGES) {
            problems.add(new FieldError(field, "may have texts in at most " + MAX_LANGUAGES + " languages, has "
                    + texts.size()));
            return;
        }
        texts.forEach((tag, text) -> {
            if (!languageTag(tag)) {
                problems.add(new FieldError(field + "." + tag, "is not a BCP 47 language tag"));
            } else if (text == null || text.isBlank() || text.length() > max) {
                problems.add(new FieldError(field + "." + tag, "must be 1 to " + max + " characters"));
            } else if (control.matcher(text).find()) {
                problems.add(new FieldError(field + "." + tag, control == NAME_CONTROL
                        ? "must not contain control characters such as line breaks or tabs"
                        : "must not contain control characters other than line breaks and tabs"));
            }
        });
    }

    private static boolean languageTag(String tag) {
        try {
            return tag != null && !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}

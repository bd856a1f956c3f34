package io.patronage.enrollment.chains;

import io.micronaut.context.annotation.Value;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.contracts.chains.EnrollmentPolicy;
import io.patronage.contracts.chains.RequiredConsent;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.enrollment.refusal.FieldError;
import io.patronage.enrollment.refusal.InvalidFieldsException;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a {@link ChainRequest} into the chain's {@link ChainConfigured} record, or refuses it with one
 * {@link InvalidFieldsException} listing every invalid field. The one check for chains from the admin API and from
 * the configuration's seeds.
 */
@Singleton
public class ChainValidator {

    /** 1 to 64 characters: lower-case letters, digits and '-', not at either end. */
    static final Pattern CHAIN_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    /** A point worth a millionth of a currency unit is as fine as any program prices; six decimals is the till's too. */
    static final int MAX_POINT_VALUE_DECIMALS = 6;
    static final BigDecimal MAX_POINT_VALUE = new BigDecimal("1000000");
    static final int MAX_MINIMUM_AGE = 120;
    static final int MAX_INVITATION_CODES = 100;
    static final int MAX_TILL_LINES = 1000;
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    private static final Pattern INVITATION_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(?:\\.[0-9]{1,20})?");

    private final String defaultLocale;

    public ChainValidator(@Value("${patronage.enrollment.default-locale:en}") String defaultLocale) {
        String canonical = LanguageTags.canonical(defaultLocale);
        if (canonical == null) {
            throw new IllegalArgumentException("patronage.enrollment.default-locale must be a BCP 47 language tag"
                    + " such as en or el-GR, is " + defaultLocale);
        }
        this.defaultLocale = canonical;
    }

    /** The chain's record as configured {@code at}; every invalid field at once, or none. */
    public ChainConfigured validate(String chainId, ChainRequest request, Instant at) {
        List<FieldError> errors = new ArrayList<>();
        ChainRequest body = request == null ? new ChainRequest(null, null, null, null, null, null, null) : request;
        if (chainId == null || !CHAIN_ID.matcher(chainId).matches()) {
            errors.add(new FieldError("chainId",
                    "must be 1 to 64 lower-case letters, digits and '-', starting and ending with a letter or digit"));
        } else if (body.chainId() != null && !body.chainId().equals(chainId)) {
            errors.add(new FieldError("chainId", "must be the chain id of the path, " + chainId + ", or absent"));
        }
        String currency = currency(body.currency(), errors);
        String zone = timeZone(body.timeZone(), errors);
        String locale = locale(body.defaultLocale(), errors);
        BigDecimal pointValue = pointValue(body.pointValue(), errors);
        EnrollmentPolicy policy = policy(body.enrollmentPolicy(), errors);
        TillLimits limits = limits(body.tillLimits(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("the chain has invalid fields: " + FieldError.fields(errors), errors);
        }
        return new ChainConfigured(chainId, currency, zone, locale, limits, policy, pointValue, at);
    }

    private static String currency(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("currency", "is required: an ISO 4217 code such as EUR"));
            return null;
        }
        try {
            Currency currency = Currency.getInstance(value);
            // XXX (no currency), XAU (gold), XDR and the like have no minor units: no till sells in them
            if (currency.getCurrencyCode().equals(value) && currency.getDefaultFractionDigits() >= 0) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("currency", "must be the ISO 4217 code of a circulating currency, in capitals, such "
                + "as EUR, MYR or IRR"));
        return null;
    }

    private static String timeZone(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("timeZone", "is required: an IANA time zone such as Europe/Athens"));
        } else if (!ZoneId.getAvailableZoneIds().contains(value)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Athens or Asia/Tehran"));
        } else {
            return value;
        }
        return null;
    }

    private String locale(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return defaultLocale;
        }
        String canonical = LanguageTags.canonical(value.strip());
        if (canonical == null) {
            errors.add(new FieldError("defaultLocale", "must be a BCP 47 language tag such as el-GR or fa-IR"));
        }
        return canonical;
    }

    private static BigDecimal pointValue(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("pointValue",
                    "is required: what one point is worth in the chain's currency, such as \"0.01\""));
            return null;
        }
        BigDecimal amount = decimal(value.strip());
        if (amount == null || amount.signum() <= 0) {
            errors.add(new FieldError("pointValue", "must be a positive decimal such as \"0.01\""));
        } else if (amount.scale() > MAX_POINT_VALUE_DECIMALS) {
            errors.add(new FieldError("pointValue", "must have at most " + MAX_POINT_VALUE_DECIMALS + " decimals"));
        } else if (amount.compareTo(MAX_POINT_VALUE) > 0) {
            errors.add(new FieldError("pointValue", "must be at most " + MAX_POINT_VALUE.toPlainString()));
        } else {
            return amount;
        }
        return null;
    }

    /** A plain decimal (no sign, no exponent), without trailing zeros: {@code 0.010} is {@code 0.01}. */
    private static BigDecimal decimal(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return null;
        }
        BigDecimal amount = new BigDecimal(value).stripTrailingZeros();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    private static EnrollmentPolicy policy(ChainRequest.PolicyRequest value, List<FieldError> errors) {
        if (value == null) {
            return EnrollmentPolicy.OPEN;
        }
        EnrollmentMode mode = EnrollmentMode.OPEN;
        if (value.mode() != null && !value.mode().isBlank()) {
            mode = constant(EnrollmentMode.class, value.mode());
            if (mode == null) {
                errors.add(new FieldError("enrollmentPolicy.mode", "must be one of " + names(EnrollmentMode.class)));
            }
        }
        int minimumAge = value.minimumAge() == null ? 0 : value.minimumAge();
        if (minimumAge < 0 || minimumAge > MAX_MINIMUM_AGE) {
            errors.add(new FieldError("enrollmentPolicy.minimumAge",
                    "must be 0 (none) to " + MAX_MINIMUM_AGE + " years"));
        }
        Set<RequiredConsent> consents = new LinkedHashSet<>();
        for (String consent : value.requiredConsents() == null ? List.<String>of() : value.requiredConsents()) {
            RequiredConsent parsed = consent == null ? null : constant(RequiredConsent.class, consent);
            if (parsed == null) {
                errors.add(new FieldError("enrollmentPolicy.requiredConsents",
                        "must list only " + names(RequiredConsent.class)));
                break;
            }
            consents.add(parsed);
        }
        List<String> codes = value.invitationCodes() == null ? List.of() : value.invitationCodes();
        if (codes.size() > MAX_INVITATION_CODES) {
            errors.add(new FieldError("enrollmentPolicy.invitationCodes",
                    "must be at most " + MAX_INVITATION_CODES + " codes"));
        } else if (codes.stream().anyMatch(code -> code == null || !INVITATION_CODE.matcher(code.strip()).matches())) {
            errors.add(new FieldError("enrollmentPolicy.invitationCodes",
                    "must be codes of 1 to 64 letters, digits, '_' and '-'"));
        }
        if (mode == null || minimumAge < 0 || minimumAge > MAX_MINIMUM_AGE) {
            return null;
        }
        return new EnrollmentPolicy(mode, codes.stream().filter(code -> code != null).map(String::strip).distinct()
                .toList(), minimumAge, List.copyOf(consents));
    }

    private static TillLimits limits(ChainRequest.LimitsRequest value, List<FieldError> errors) {
        if (value == null) {
            return TillLimits.DEFAULTS;
        }
        int before = errors.size();
        BigDecimal maxTotal = null;
        if (value.maxTotal() != null) {
            maxTotal = decimal(value.maxTotal().strip());
            if (maxTotal == null || maxTotal.signum() <= 0 || maxTotal.compareTo(TillLimits.DEFAULT_MAX_TOTAL) > 0) {
                errors.add(new FieldError("tillLimits.maxTotal",
                        "must be a positive decimal of at most 10^12 (the default), in the chain's currency"));
            }
        }
        if (value.maxLines() != null && (value.maxLines() < 1 || value.maxLines() > MAX_TILL_LINES)) {
            errors.add(new FieldError("tillLimits.maxLines", "must be 1 to " + MAX_TILL_LINES));
        }
        Duration skew = duration("tillLimits.maxClockSkew", value.maxClockSkew(), errors);
        if (skew != null && (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0)) {
            errors.add(new FieldError("tillLimits.maxClockSkew", "must be from PT0S to P1D"));
        }
        Duration age = duration("tillLimits.maxAge", value.maxAge(), errors);
        if (age != null && (age.isNegative() || age.isZero())) {
            errors.add(new FieldError("tillLimits.maxAge", "must be positive"));
        }
        return errors.size() > before ? null : new TillLimits(maxTotal, value.maxLines(), skew, age);
    }

    private static Duration duration(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO 8601 duration in days, hours, minutes or seconds,"
                    + " such as PT5M or P400D"));
            return null;
        }
    }

    /** {@code open}, {@code Open} and {@code OPEN}; {@code marketing-email} and {@code MARKETING_EMAIL}. */
    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}

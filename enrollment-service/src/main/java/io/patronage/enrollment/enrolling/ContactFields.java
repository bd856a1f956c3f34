package io.patronage.enrollment.enrolling;

import io.patronage.enrollment.member.PostalAddress;
import io.patronage.enrollment.refusal.FieldError;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of the fields people type about themselves, shared by enrollment and self-service. Each
 * method adds its field's problem to {@code errors} and returns the cleaned value: surrounding white
 * space removed (including Unicode spaces), otherwise exactly as written.
 */
public final class ContactFields {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_ADDRESS_FIELD_LENGTH = 200;
    private static final int MAX_EMAIL_LOCAL_PART_LENGTH = 64;

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cc}");
    /** RFC 5322 dot-atom, extended with any letter, mark or digit as RFC 6531 allows. */
    private static final Pattern EMAIL_LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** E.164: a plus, a country code that does not start with 0, 7 to 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SURROUNDING_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
    private static final Set<String> ISO_REGIONS = Set.of(Locale.getISOCountries());

    private ContactFields() {
    }

    /** A postal address as the body gives it; every part optional in JSON, checked here. */
    public record AddressRequest(String street, String postalCode, String city, String country) {
    }

    static String name(String field, String value, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String name = strip(value);
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (CONTROL_CHARACTERS.matcher(name).find()) {
            errors.add(new FieldError(field, "must not contain control characters such as line breaks or tabs"));
        }
        return name;
    }

    public static String email(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError("email", "is required"));
            return null;
        }
        String email = strip(value);
        if (email.length() > MAX_EMAIL_LENGTH) {
            errors.add(new FieldError("email", "must be at most " + MAX_EMAIL_LENGTH + " characters"));
        } else if (!isEmailAddress(email)) {
            errors.add(new FieldError("email", "must be an email address such as name@example.com"));
        }
        return email;
    }

    public static String phone(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String phone = strip(value);
        if (!E164.matcher(phone).matches()) {
            errors.add(new FieldError("phone",
                    "must be an international number in E.164 format, such as +302101234567"));
        }
        return phone;
    }

    /** Absent (null) or street, city and an ISO 3166 country; the postal code is optional (not every country has them). */
    public static PostalAddress address(AddressRequest value, List<FieldError> errors) {
        if (value == null || isBlank(value.street()) && isBlank(value.postalCode()) && isBlank(value.city())
                && isBlank(value.country())) {
            return null;
        }
        String street = addressPart("address.street", value.street(), true, errors);
        String postalCode = addressPart("address.postalCode", value.postalCode(), false, errors);
        String city = addressPart("address.city", value.city(), true, errors);
        String country = isBlank(value.country()) ? null : strip(value.country()).toUpperCase(Locale.ROOT);
        if (country == null || !ISO_REGIONS.contains(country)) {
            errors.add(new FieldError("address.country", "must be an ISO 3166 country code such as GR"));
        }
        return new PostalAddress(street, postalCode, city, country);
    }

    private static String addressPart(String field, String value, boolean required, List<FieldError> errors) {
        if (isBlank(value)) {
            if (required) {
                errors.add(new FieldError(field, "is required in an address"));
            }
            return null;
        }
        String part = strip(value);
        if (part.codePointCount(0, part.length()) > MAX_ADDRESS_FIELD_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_ADDRESS_FIELD_LENGTH + " characters"));
        } else if (CONTROL_CHARACTERS.matcher(part).find()) {
            errors.add(new FieldError(field, "must not contain control characters such as line breaks or tabs"));
        }
        return part;
    }

    static boolean isEmailAddress(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return false;
        }
        String localPart = email.substring(0, at);
        return localPart.codePointCount(0, localPart.length()) <= MAX_EMAIL_LOCAL_PART_LENGTH
                && EMAIL_LOCAL_PART.matcher(localPart).matches()
                && isDomainName(email.substring(at + 1));
    }

    /** A host name with at least two labels; internationalized names are checked in their ASCII (punycode) form. */
    private static boolean isDomainName(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** Without surrounding white space, including the no-break and other Unicode spaces {@link String#strip()} keeps. */
    static String strip(String value) {
        return SURROUNDING_SPACE.matcher(value).replaceAll("");
    }

    static boolean isBlank(String value) {
        return value == null || strip(value).isEmpty();
    }
}

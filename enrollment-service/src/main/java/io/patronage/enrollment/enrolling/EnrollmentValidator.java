package io.patronage.enrollment.enrolling;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.patronage.enrollment.member.ContactDetails;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import jakarta.inject.Singleton;

import java.net.IDN;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an {@link EnrollmentRequest} into an {@link Enrollment}, or rejects it with one problem+json
 * listing every invalid field. Names are kept exactly as written (any script, combining marks, the
 * zero-width non-joiner of Persian names) apart from surrounding white space; optional fields left blank
 * count as absent.
 */
@Singleton
class EnrollmentValidator {

    static final int MAX_CHAIN_ID_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_EMAIL_LOCAL_PART_LENGTH = 64;
    private static final int MAX_LOCALE_LENGTH = 64;

    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cc}");
    /** RFC 5322 dot-atom, extended with any letter, mark or digit as RFC 6531 allows. */
    private static final Pattern EMAIL_LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** E.164: a plus, a country code that does not start with 0, 7 to 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /**
     * "In the past" is judged against today's date where it is furthest ahead (UTC+14), so that a member
     * whose local date is ahead of the server's is never told their birth date lies in the future.
     */
    private static final ZoneOffset FURTHEST_AHEAD_ZONE = ZoneOffset.ofHours(14);
    private static final Pattern SURROUNDING_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ISO_REGIONS = Set.of(Locale.getISOCountries());

    private final Clock clock;
    private final String defaultLocale;

    EnrollmentValidator(Clock clock, @Value("${patronage.enrollment.default-locale:en}") String defaultLocale) {
        this.clock = clock;
        this.defaultLocale = canonicalLocale(defaultLocale);
        if (this.defaultLocale == null) {
            throw new IllegalArgumentException(
                    "patronage.enrollment.default-locale is not a BCP 47 language tag: " + defaultLocale);
        }
    }

    Enrollment validate(EnrollmentRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String chainId = chainId(request.chainId(), errors);
        String firstName = name("firstName", request.firstName(), errors);
        String lastName = name("lastName", request.lastName(), errors);
        String email = email(request.email(), errors);
        String phone = phone(request.phone(), errors);
        LocalDate birthDate = birthDate(request.birthDate(), errors);
        String locale = locale(request.locale(), errors);
        if (!errors.isEmpty()) {
            String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                    "the enrollment request has invalid fields: " + fields, errors);
        }
        return new Enrollment(chainId,
                new PersonalData(firstName, lastName, new ContactDetails(email, phone), birthDate, locale));
    }

    private static String chainId(String value, List<Problem.FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new Problem.FieldError("chainId", "is required"));
        } else if (value.length() > MAX_CHAIN_ID_LENGTH) {
            errors.add(new Problem.FieldError("chainId", "must be at most " + MAX_CHAIN_ID_LENGTH + " characters"));
        } else if (!CHAIN_ID.matcher(value).matches()) {
            errors.add(new Problem.FieldError("chainId",
                    "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'"));
        }
        return value;
    }

    private static String name(String field, String value, List<Problem.FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        String name = strip(value);
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add(new Problem.FieldError(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (CONTROL_CHARACTERS.matcher(name).find()) {
            errors.add(new Problem.FieldError(field, "must not contain control characters such as line breaks or tabs"));
        }
        return name;
    }

    private static String email(String value, List<Problem.FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new Problem.FieldError("email", "is required"));
            return null;
        }
        String email = strip(value);
        if (email.length() > MAX_EMAIL_LENGTH) {
            errors.add(new Problem.FieldError("email", "must be at most " + MAX_EMAIL_LENGTH + " characters"));
        } else if (!isEmailAddress(email)) {
            errors.add(new Problem.FieldError("email", "must be an email address such as name@example.com"));
        }
        return email;
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

    private static String phone(String value, List<Problem.FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String phone = strip(value);
        if (!E164.matcher(phone).matches()) {
            errors.add(new Problem.FieldError("phone",
                    "must be an international number in E.164 format, such as +302101234567"));
        }
        return phone;
    }

    private LocalDate birthDate(String value, List<Problem.FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(strip(value));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("birthDate", "must be a date written as YYYY-MM-DD"));
            return null;
        }
        if (!birthDate.isBefore(LocalDate.ofInstant(clock.instant(), FURTHEST_AHEAD_ZONE))) {
            errors.add(new Problem.FieldError("birthDate", "must be in the past"));
        }
        return birthDate;
    }

    private String locale(String value, List<Problem.FieldError> errors) {
        if (isBlank(value)) {
            return defaultLocale;
        }
        String locale = canonicalLocale(strip(value));
        if (locale == null) {
            errors.add(new Problem.FieldError("locale", "must be a BCP 47 language tag such as el-GR or fa-IR"));
        }
        return locale;
    }

    /**
     * The canonical form ({@code EL-gr} → {@code el-GR}) of a well-formed BCP 47 tag whose language is an
     * ISO 639 code (two-letter codes and regions checked against the JDK's ISO lists), else null.
     */
    private static String canonicalLocale(String tag) {
        if (tag == null || tag.length() > MAX_LOCALE_LENGTH) {
            return null;
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return null;
        }
        String language = locale.getLanguage();
        boolean knownLanguage = language.length() == 2 ? ISO_LANGUAGES.contains(language) : language.length() == 3;
        boolean knownRegion = locale.getCountry().length() != 2 || ISO_REGIONS.contains(locale.getCountry());
        return knownLanguage && knownRegion ? locale.toLanguageTag() : null;
    }

    /** Without surrounding white space, including the no-break and other Unicode spaces {@link String#strip()} keeps. */
    private static String strip(String value) {
        return SURROUNDING_SPACE.matcher(value).replaceAll("");
    }

    private static boolean isBlank(String value) {
        return value == null || strip(value).isEmpty();
    }
}

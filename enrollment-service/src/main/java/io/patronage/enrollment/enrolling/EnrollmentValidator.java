package io.patronage.enrollment.enrolling;

import io.patronage.enrollment.chains.ChainPolicies;
import io.patronage.enrollment.chains.ChainPolicy;
import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.contracts.chains.RequiredConsent;
import io.patronage.enrollment.chains.LanguageTags;
import io.patronage.enrollment.member.ContactDetails;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.refusal.EnrollmentNotAllowedException;
import io.patronage.enrollment.refusal.FieldError;
import io.patronage.enrollment.refusal.InvalidFieldsException;
import io.patronage.enrollment.refusal.UnknownChainException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.patronage.enrollment.enrolling.ContactFields.isBlank;
import static io.patronage.enrollment.enrolling.ContactFields.strip;

/**
 * Turns an {@link EnrollmentRequest} into an {@link Enrollment}, or rejects it: {@code 400} with one
 * problem listing every malformed field; {@code 422} naming the {@code chainId} when the chain is not
 * configured; {@code 422} listing what the chain's policy does not allow (age, consents, invitation).
 * Names are kept exactly as written (any script, combining marks, the zero-width non-joiner of Persian
 * names) apart from surrounding white space; optional fields left blank count as absent.
 */
@Singleton
class EnrollmentValidator {

    static final int MAX_CHAIN_ID_LENGTH = 100;

    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * "In the past" is judged against today's date where it is furthest ahead (UTC+14), so that a member
     * whose local date is ahead of the server's is never told their birth date lies in the future.
     */
    private static final ZoneOffset FURTHEST_AHEAD_ZONE = ZoneOffset.ofHours(14);
    /** Older than anyone has lived: a birth date before it (0000-01-01, 1800-01-01) is a typo or a default value. */
    static final int MAX_AGE_YEARS = 130;

    private final Clock clock;
    private final ChainPolicies chains;

    EnrollmentValidator(Clock clock, ChainPolicies chains) {
        this.clock = clock;
        this.chains = chains;
    }

    Enrollment validate(EnrollmentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String chainId = chainId(request.chainId(), errors);
        String firstName = ContactFields.name("firstName", request.firstName(), errors);
        String lastName = ContactFields.name("lastName", request.lastName(), errors);
        String email = ContactFields.email(request.email(), errors);
        String phone = ContactFields.phone(request.phone(), errors);
        var address = ContactFields.address(request.address(), errors);
        LocalDate birthDate = birthDate(request.birthDate(), errors);
        String locale = locale(request.locale(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("the enrollment request has invalid fields: " + FieldError.fields(errors),
                    errors);
        }
        ChainPolicy chain = chains.find(chainId).orElseThrow(() -> new UnknownChainException(chainId));
        var consents = request.consents() == null
                ? new EnrollmentRequest.ConsentsRequest(null, null, null) : request.consents();
        boolean terms = Boolean.TRUE.equals(consents.terms());
        boolean marketingEmail = Boolean.TRUE.equals(consents.marketingEmail());
        boolean marketingSms = Boolean.TRUE.equals(consents.marketingSms());
        String referralCode = isBlank(request.referralCode()) ? null : strip(request.referralCode());
        checkPolicy(chain, birthDate, terms, marketingEmail, marketingSms, referralCode, request.invitationCode());
        return new Enrollment(chain, new PersonalData(firstName, lastName, new ContactDetails(email, phone, address),
                birthDate, locale == null ? chain.defaultLocale() : locale), terms, marketingEmail, marketingSms, referralCode);
    }

    private void checkPolicy(ChainPolicy chain, LocalDate birthDate, boolean terms, boolean marketingEmail,
                             boolean marketingSms, String referralCode, String invitationCode) {
        List<FieldError> errors = new ArrayList<>();
        if (chain.enrollment() == EnrollmentMode.CLOSED) {
            throw new EnrollmentNotAllowedException(chain.chainId(),
                    List.of(new FieldError("chainId", "this program takes no new members for now")));
        }
        if (chain.minimumAge() > 0) {
            if (birthDate == null) {
                errors.add(new FieldError("birthDate", "is required: members must be at least "
                        + chain.minimumAge() + " years old"));
            } else if (Period.between(birthDate, LocalDate.now(clock.withZone(chain.timeZone()))).getYears()
                    < chain.minimumAge()) {
                errors.add(new FieldError("birthDate", "members must be at least " + chain.minimumAge()
                        + " years old"));
            }
        }
        requireConsent(chain, RequiredConsent.TERMS, terms, "consents.terms", errors);
        requireConsent(chain, RequiredConsent.MARKETING_EMAIL, marketingEmail, "consents.marketingEmail", errors);
        requireConsent(chain, RequiredConsent.MARKETING_SMS, marketingSms, "consents.marketingSms", errors);
        if (chain.enrollment() == EnrollmentMode.INVITATION && referralCode == null) {
            if (isBlank(invitationCode)) {
                errors.add(new FieldError("invitationCode",
                        "is required: this program is by invitation (or a member's referral code)"));
            } else if (!chain.invitationCodes().contains(strip(invitationCode))) {
                errors.add(new FieldError("invitationCode", "is not an invitation code of this program"));
            }
        }
        if (!errors.isEmpty()) {
            throw new EnrollmentNotAllowedException(chain.chainId(), errors);
        }
    }

    private static void requireConsent(ChainPolicy chain, RequiredConsent consent, boolean given, String field,
                                       List<FieldError> errors) {
        if (chain.requiredConsents().contains(consent) && !given) {
            errors.add(new FieldError(field, "must be given to join this program"));
        }
    }

    private static String chainId(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError("chainId", "is required"));
        } else if (value.length() > MAX_CHAIN_ID_LENGTH) {
            errors.add(new FieldError("chainId", "must be at most " + MAX_CHAIN_ID_LENGTH + " characters"));
        } else if (!CHAIN_ID.matcher(value).matches()) {
            errors.add(new FieldError("chainId",
                    "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'"));
        }
        return value;
    }

    private LocalDate birthDate(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(strip(value));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("birthDate", "must be a date written as YYYY-MM-DD"));
            return null;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), FURTHEST_AHEAD_ZONE);
        if (!birthDate.isBefore(today)) {
            errors.add(new FieldError("birthDate", "must be in the past"));
        } else if (birthDate.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            errors.add(new FieldError("birthDate", "must be at most " + MAX_AGE_YEARS + " years ago"));
        }
        return birthDate;
    }

    private static String locale(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String locale = LanguageTags.canonical(strip(value));
        if (locale == null) {
            errors.add(new FieldError("locale", "must be a BCP 47 language tag such as el-GR or fa-IR"));
        }
        return locale;
    }
}

package io.patronage.enrollment.enrolling;

import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.contracts.chains.RequiredConsent;
import io.patronage.enrollment.chains.ChainPolicies;
import io.patronage.enrollment.chains.ChainSettings;
import io.patronage.enrollment.chains.ChainValidator;
import io.patronage.enrollment.member.ContactDetails;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.member.PostalAddress;
import io.patronage.enrollment.refusal.EnrollmentException;
import io.patronage.enrollment.refusal.FieldError;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.patronage.enrollment.EnrollmentExceptionHandler.toProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrollmentValidatorTest {

    /** 2026-06-15 in UTC, already 2026-06-16 at UTC+14. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    private final EnrollmentValidator validator =
            new EnrollmentValidator(CLOCK, new ChainPolicies(chainId -> Optional.empty(), "en", true));

    @Test
    void acceptsACompleteRequestAndCanonicalisesTheLocale() {
        Enrollment enrollment = validator.validate(request("chain-gr", "Ελένη", "Παπαδοπούλου",
                "eleni@example.gr", "+302101234567", "1988-04-12", "EL-gr"));

        assertEquals("chain-gr", enrollment.chain().chainId());
        assertEquals(new PersonalData("Ελένη", "Παπαδοπούλου", new ContactDetails("eleni@example.gr", "+302101234567", null),
                LocalDate.of(1988, 4, 12), "el-GR"), enrollment.personalData());
    }

    @Test
    void leavesOptionalFieldsAbsentAndFallsBackToTheDefaultLocale() {
        Enrollment enrollment = validator.validate(request("c1", "Aino", "Mäkelä",
                "aino@example.fi", null, " ", ""));

        PersonalData person = enrollment.personalData();
        assertNull(person.contact().phone());
        assertNull(person.birthDate());
        assertEquals("en", person.locale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ελένη | Παπαδοπούλου",                   // Greek
            "زهرا | کاظمی\u200Cنژاد",                 // Persian, with a zero-width non-joiner
            "Siti Nur'aini | binti Abdul Rahman",      // Malay
            "Väinö | Äärelä-Öhman",                    // Finnish
            "Ștefan | Țăranu",                         // Romanian, comma-below letters
            "S\u0326tefan | T\u0326a\u0306ranu",       // Romanian written with combining marks
            "José María | O'Connor-Nuñez"})
    void keepsNamesInAnyScriptExactlyAsWritten(String firstName, String lastName) {
        PersonalData person = validator.validate(request("c1", firstName, lastName,
                "someone@example.com", null, null, null)).personalData();

        assertEquals(firstName, person.firstName());
        assertEquals(lastName, person.lastName());
    }

    @Test
    void stripsWhiteSpaceAroundNamesAndEmail() {
        PersonalData person = validator.validate(request("c1", "  Aino\u00A0", "\tMäkelä ",
                " aino@example.fi ", null, null, null)).personalData();

        assertEquals("Aino", person.firstName());
        assertEquals("Mäkelä", person.lastName());
        assertEquals("aino@example.fi", person.contact().email());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        ProblemException problem = toProblem(assertThrows(EnrollmentException.class, () -> validator.validate(
                request(null, " ", "x".repeat(101), "not-an-email", "2101234567", "2030-01-01", "12-34"))));

        assertEquals(400, problem.status().getCode());
        assertEquals(List.of(
                new Problem.FieldError("chainId", "is required"),
                new Problem.FieldError("firstName", "is required"),
                new Problem.FieldError("lastName", "must be at most 100 characters"),
                new Problem.FieldError("email", "must be an email address such as name@example.com"),
                new Problem.FieldError("phone", "must be an international number in E.164 format, such as +302101234567"),
                new Problem.FieldError("birthDate", "must be in the past"),
                new Problem.FieldError("locale", "must be a BCP 47 language tag such as el-GR or fa-IR")),
                problem.errors());
    }

    @Test
    void refusesABirthDateBeforeAnyoneAliveWasBorn() {
        for (String birthDate : List.of("0000-01-01", "1800-01-01", "-0001-06-30")) {
            ProblemException problem = toProblem(assertThrows(EnrollmentException.class, () -> validator.validate(
                    request("c1", "Aino", "Mäkelä", "aino@example.fi", null, birthDate, null))));

            assertEquals(List.of(new Problem.FieldError("birthDate", "must be at most 130 years ago")),
                    problem.errors(), birthDate);
        }
        assertEquals(List.of(), invalidFields(request("c1", "Aino", "Mäkelä", "aino@example.fi", null,
                LocalDate.now(CLOCK).minusYears(EnrollmentValidator.MAX_AGE_YEARS - 1).toString(), null)));
    }

    @Test
    void takesANameOfOnlyUnicodeSpacesAsMissing() {
        assertEquals(List.of("firstName"), invalidFields(
                request("c1", "\u00A0\u3000", "Doe", "a@example.com", null, null, null)));
    }

    @Test
    void countsNameLengthInCharactersNotUtf16Units() {
        String mathematicalA = "\uD835\uDC00"; // one code point outside the BMP, two UTF-16 units
        EnrollmentRequest hundred = request("c1", mathematicalA.repeat(100), "Doe", "a@example.com", null, null, null);
        EnrollmentRequest hundredAndOne = request("c1", mathematicalA.repeat(101), "Doe", "a@example.com", null, null, null);

        assertEquals(List.of(), invalidFields(hundred));
        assertEquals(List.of("firstName"), invalidFields(hundredAndOne));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain with spaces", "-leading-dash", "chain:1", "κατάστημα"})
    void refusesChainIdsThatAreNotPlainIdentifiers(String chainId) {
        assertEquals(List.of("chainId"), invalidFields(request(chainId, "A", "B", "a@example.com", null, null, null)));
    }

    @Test
    void refusesControlCharactersInNames() {
        assertEquals(List.of("firstName", "lastName"), invalidFields(
                request("c1", "Ann\nDrop", "Lee\u0000", "a@example.com", null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name@example.com", "first.last+tag@sub.example.co.uk", "ελένη@παράδειγμα.ελ",
            "user@xn--bcher-kva.example", "o'connor@example.ie", "a@b.io"})
    void acceptsEmailAddresses(String email) {
        assertEquals(List.of(), invalidFields(request("c1", "A", "B", email, null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.com", "name@", "name@localhost", "name@example..com", "na me@example.com",
            ".name@example.com", "name.@example.com", "name@-example.com", "name@example.com.", "name@1.2.3.4",
            "a@b@example.com"})
    void refusesWhatIsNotAnEmailAddress(String email) {
        assertEquals(List.of("email"), invalidFields(request("c1", "A", "B", email, null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+302101234567", "+6591234567", "+358401234567", "+989121234567", "+40721234567"})
    void acceptsE164PhoneNumbers(String phone) {
        assertEquals(List.of(), invalidFields(request("c1", "A", "B", "a@example.com", phone, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"302101234567", "+30 210 1234567", "+0302101234567", "+1234567890123456", "+12345", "tel:+302101234567"})
    void refusesPhoneNumbersOutsideE164(String phone) {
        assertEquals(List.of("phone"), invalidFields(request("c1", "A", "B", "a@example.com", phone, null, null)));
    }

    @ParameterizedTest
    @CsvSource({"2026-06-15, true", "2026-06-14, true", "2026-06-16, false", "2027-01-01, false",
            "1990-02-30, false", "15/06/1990, false", "1990-6-1, false"})
    void acceptsOnlyWellFormedBirthDatesInThePast(String birthDate, boolean valid) {
        // Today is 2026-06-15 in UTC but already 2026-06-16 east of the date line, where a member may live.
        List<String> invalid = invalidFields(request("c1", "A", "B", "a@example.com", null, birthDate, null));
        assertEquals(valid ? List.of() : List.of("birthDate"), invalid);
    }

    @Test
    void explainsAnUnreadableBirthDate() {
        ProblemException problem = toProblem(assertThrows(EnrollmentException.class, () -> validator.validate(
                request("c1", "A", "B", "a@example.com", null, "12/04/1988", null))));

        assertEquals(List.of(new Problem.FieldError("birthDate", "must be a date written as YYYY-MM-DD")), problem.errors());
    }

    @ParameterizedTest
    @CsvSource({"el-GR, el-GR", "fa-IR, fa-IR", "ms-MY, ms-MY", "fi, fi", "ro-RO, ro-RO", "zh-Hant-TW, zh-Hant-TW",
            "sr-Latn-RS, sr-Latn-RS", "es-419, es-419", "fil-PH, fil-PH", "en-US-u-ca-gregory, en-US-u-ca-gregory",
            "pt_BR, ", "x-private, ", "english, ", "qq-GR, ", "el-QQ, ", "el-, "})
    void acceptsWellFormedLanguageTagsOnly(String tag, String canonical) {
        EnrollmentRequest request = request("c1", "A", "B", "a@example.com", null, null, tag);
        if (canonical == null) {
            assertEquals(List.of("locale"), invalidFields(request));
        } else {
            assertEquals(canonical, validator.validate(request).personalData().locale());
        }
    }


    // --- chain policy ---

    /** A validator for these chains, as loyalty.chains.v1 would have them. */
    private static EnrollmentValidator validatorFor(ChainSettings... chains) {
        ChainValidator chainValidator = new ChainValidator("en");
        return new EnrollmentValidator(CLOCK, new ChainPolicies(chainId -> Arrays.stream(chains)
                .filter(chain -> chain.getChainId().equals(chainId)).findFirst()
                .map(chain -> chainValidator.validate(chainId, chain.toRequest(), CLOCK.instant())), "en", false));
    }

    private static ChainSettings chain(String id) {
        ChainSettings chain = new ChainSettings(id);
        chain.setCurrency("EUR");
        chain.setPointValue(new BigDecimal("0.01"));
        return chain;
    }

    @Test
    void aClosedProgramTakesNoNewMembers() {
        ChainSettings closed = chain("closed");
        closed.setEnrollment(EnrollmentMode.CLOSED);

        ProblemException problem = toProblem(assertThrows(EnrollmentException.class, () -> validatorFor(closed)
                .validate(request("closed", "A", "B", "a@example.com", null, null, null))));
        assertEquals(422, problem.status().getCode());
        assertEquals("enrollment-not-allowed", problem.type());
        assertEquals(List.of(new Problem.FieldError("chainId", "this program takes no new members for now")),
                problem.errors());
    }

    @Test
    void anUnconfiguredChainIsUnprocessableAndNamed() {
        ProblemException problem = toProblem(assertThrows(EnrollmentException.class, () -> validatorFor(chain("known"))
                .validate(request("unknown", "A", "B", "a@example.com", null, null, null))));

        assertEquals(422, problem.status().getCode());
        assertEquals("unknown-chain", problem.type());
        assertTrue(problem.getMessage().contains("unknown"), problem.getMessage());
        assertEquals(List.of("chainId"), problem.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void theChainsDefaultLocaleAppliesWhenTheMemberGivesNone() {
        ChainSettings greek = chain("gr");
        greek.setDefaultLocale("el-GR");

        assertEquals("el-GR", validatorFor(greek).validate(request("gr", "A", "B", "a@example.com", null, null, null))
                .personalData().locale());
    }

    @Test
    void theMinimumAgeIsJudgedByTheDateInTheChainsTimeZone() {
        // 2026-06-15T12:00Z is already 2026-06-16 in Kiritimati (UTC+14) but still 2026-06-15 in Honolulu.
        ChainSettings kiribati = chain("ki");
        kiribati.setMinimumAge(18);
        kiribati.setTimeZone("Pacific/Kiritimati");
        ChainSettings hawaii = chain("hi");
        hawaii.setMinimumAge(18);
        hawaii.setTimeZone("Pacific/Honolulu");
        EnrollmentValidator validator = validatorFor(kiribati, hawaii);

        validator.validate(request("ki", "A", "B", "a@example.com", null, "2008-06-16", null));
        ProblemException tooYoung = toProblem(assertThrows(EnrollmentException.class,
                () -> validator.validate(request("hi", "A", "B", "a@example.com", null, "2008-06-16", null))));
        assertEquals(422, tooYoung.status().getCode());
        assertEquals(List.of(new Problem.FieldError("birthDate", "members must be at least 18 years old")), tooYoung.errors());
        ProblemException noBirthDate = toProblem(assertThrows(EnrollmentException.class,
                () -> validator.validate(request("hi", "A", "B", "a@example.com", null, null, null))));
        assertEquals("birthDate", noBirthDate.errors().get(0).field());
    }

    @Test
    void requiredConsentsMustBeGiven() {
        ChainSettings strict = chain("strict");
        strict.setRequiredConsents(List.of(RequiredConsent.TERMS, RequiredConsent.MARKETING_EMAIL));
        EnrollmentValidator validator = validatorFor(strict);

        ProblemException problem = toProblem(assertThrows(EnrollmentException.class, () -> validator.validate(
                withExtras("strict", new EnrollmentRequest.ConsentsRequest(null, true, null), null, null))));
        assertEquals("enrollment-not-allowed", problem.type());
        assertEquals(List.of("consents.terms"), problem.errors().stream().map(Problem.FieldError::field).toList());

        Enrollment enrollment = validator.validate(
                withExtras("strict", new EnrollmentRequest.ConsentsRequest(true, true, false), null, null));
        assertTrue(enrollment.termsAccepted() && enrollment.marketingEmail() && !enrollment.marketingSms());
    }

    @Test
    void anInvitationOnlyProgramTakesAnInvitationCodeOrAReferralCode() {
        ChainSettings club = chain("club");
        club.setEnrollment(EnrollmentMode.INVITATION);
        club.setInvitationCodes(List.of("WELCOME2026"));
        EnrollmentValidator validator = validatorFor(club);

        assertEquals("invitationCode", toProblem(assertThrows(EnrollmentException.class,
                () -> validator.validate(withExtras("club", null, null, null)))).errors().get(0).field());
        assertEquals("is not an invitation code of this program", toProblem(assertThrows(EnrollmentException.class,
                () -> validator.validate(withExtras("club", null, null, "GUESS")))).errors().get(0).message());
        validator.validate(withExtras("club", null, null, "WELCOME2026"));
        assertEquals("K7M2Q9XZ", validator.validate(withExtras("club", null, " K7M2Q9XZ ", null)).referralCode());
    }

    @Test
    void anAddressNeedsStreetCityAndAnIsoCountry() {
        EnrollmentRequest incomplete = new EnrollmentRequest("c1", "A", "B", "a@example.com", null, null, null,
                new ContactFields.AddressRequest("Odos 1", null, " ", "Hellas"), null, null, null);
        assertEquals(List.of("address.city", "address.country"), invalidFields(incomplete));

        EnrollmentRequest complete = new EnrollmentRequest("c1", "A", "B", "a@example.com", null, null, null,
                new ContactFields.AddressRequest(" Ermou 12 ", "105 63", "Αθήνα", "gr"), null, null, null);
        assertEquals(new PostalAddress("Ermou 12", "105 63", "Αθήνα", "GR"),
                validator.validate(complete).personalData().contact().address());
    }

    private static EnrollmentRequest withExtras(String chainId, EnrollmentRequest.ConsentsRequest consents,
                                                String referralCode, String invitationCode) {
        return new EnrollmentRequest(chainId, "A", "B", "a@example.com", null, null, null, null, consents,
                referralCode, invitationCode);
    }

    private static EnrollmentRequest request(String chainId, String firstName, String lastName, String email,
                                             String phone, String birthDate, String locale) {
        return new EnrollmentRequest(chainId, firstName, lastName, email, phone, birthDate, locale, null, null, null, null);
    }

    private List<String> invalidFields(EnrollmentRequest request) {
        try {
            validator.validate(request);
            return List.of();
        } catch (EnrollmentException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }
}

package io.patronage.enrollment.chains;

import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.EnrollmentMode;
import io.patronage.contracts.chains.EnrollmentPolicy;
import io.patronage.contracts.chains.RequiredConsent;
import io.patronage.contracts.chains.TillLimits;
import io.patronage.enrollment.refusal.FieldError;
import io.patronage.enrollment.refusal.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainValidatorTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private final ChainValidator validator = new ChainValidator("en");

    @Test
    void aCompleteChainBecomesItsRecord() {
        ChainConfigured chain = validator.validate("aegean-market-gr", new ChainRequest("aegean-market-gr", "EUR",
                "Europe/Athens", "EL-gr", "0.0100",
                new ChainRequest.PolicyRequest("invitation", List.of(" SUMMER26 ", "SUMMER26"), 16,
                        List.of("terms", "marketing-email")),
                new ChainRequest.LimitsRequest("100000.00", 200, "PT5M", "P400D")), AT);

        assertEquals(new ChainConfigured("aegean-market-gr", "EUR", "Europe/Athens", "el-GR",
                new TillLimits(new BigDecimal("100000"), 200, Duration.ofMinutes(5), Duration.ofDays(400)),
                new EnrollmentPolicy(EnrollmentMode.INVITATION, List.of("SUMMER26"), 16,
                        List.of(RequiredConsent.TERMS, RequiredConsent.MARKETING_EMAIL)),
                new BigDecimal("0.01"), AT), chain);
    }

    @Test
    void optionalPartsTakeTheirDefaults() {
        ChainConfigured chain = validator.validate("khorshid-ir",
                new ChainRequest(null, "IRR", "Asia/Tehran", null, "10", null, null), AT);

        assertEquals("en", chain.defaultLocale());
        assertEquals(EnrollmentPolicy.OPEN, chain.enrollmentPolicy());
        assertEquals(TillLimits.DEFAULTS, chain.tillLimits());
        assertEquals("10", chain.pointValue().toPlainString());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        InvalidFieldsException refused = assertThrows(InvalidFieldsException.class, () -> validator.validate("Bad_Id",
                new ChainRequest("other", "eur", "Mars/Olympus", "xx-QQ", "-0.01",
                        new ChainRequest.PolicyRequest("members-only", List.of("no spaces"), 200, List.of("hugs")),
                        new ChainRequest.LimitsRequest("0", 0, "5 minutes", "-P1D")), AT));

        assertEquals(List.of("chainId", "currency", "timeZone", "defaultLocale", "pointValue",
                        "enrollmentPolicy.mode", "enrollmentPolicy.minimumAge", "enrollmentPolicy.requiredConsents",
                        "enrollmentPolicy.invitationCodes", "tillLimits.maxTotal", "tillLimits.maxLines",
                        "tillLimits.maxClockSkew", "tillLimits.maxAge"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.errors().stream().anyMatch(error -> error.field().equals("enrollmentPolicy.mode")
                && error.message().equals("must be one of OPEN, INVITATION, CLOSED")), refused.errors().toString());
    }

    @Test
    void currencyTimeZoneAndPointValueAreRequired() {
        InvalidFieldsException refused = assertThrows(InvalidFieldsException.class,
                () -> validator.validate("gr-1", null, AT));

        assertEquals(List.of("currency", "timeZone", "pointValue"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aBodyNamingAnotherChainIsRefused() {
        InvalidFieldsException refused = assertThrows(InvalidFieldsException.class, () -> validator.validate("gr-1",
                new ChainRequest("gr-2", "EUR", "Europe/Athens", null, "0.01", null, null), AT));

        assertEquals(List.of(new FieldError("chainId", "must be the chain id of the path, gr-1, or absent")),
                refused.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "aegean-market-gr", "7-eleven-th", "x2"})
    void acceptsChainIdsOfLowerCaseLettersDigitsAndDashes(String chainId) {
        assertEquals(chainId, validator.validate(chainId, minimal(), AT).chainId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Aegean", "aegean_market", "-gr", "gr-", "gr.1", "κατάστημα", "a b"})
    void refusesOtherChainIds(String chainId) {
        assertEquals(List.of("chainId"), invalidFields(chainId, minimal()));
    }

    @Test
    void refusesAChainIdLongerThan64Characters() {
        assertEquals(List.of(), invalidFields("a".repeat(64), minimal()));
        assertEquals(List.of("chainId"), invalidFields("a".repeat(65), minimal()));
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.01", "0.010, 0.01", "1, 1", "100, 100", "0.000001, 0.000001", "1000000, 1000000",
            "'\"0.5\"', ", "0, ", "0.0000001, ", "1000000.01, ", "1e-2, ", "-1, ", "+1, ", "'0,01', ", "abc, ", "NaN, "})
    void thePointValueIsAPositivePlainDecimalWithAtMostSixDecimals(String given, String expected) {
        ChainRequest request = new ChainRequest(null, "EUR", "Europe/Athens", null, given, null, null);
        if (expected == null) {
            assertEquals(List.of("pointValue"), invalidFields("gr-1", request));
        } else {
            assertEquals(expected, validator.validate("gr-1", request, AT).pointValue().toPlainString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "JPY", "KWD", "IRR", "MYR"})
    void acceptsIso4217Currencies(String currency) {
        assertEquals(currency, validator.validate("c1",
                new ChainRequest(null, currency, "UTC", null, "1", null, null), AT).currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ABC", "€", "XXX", "XAU", "XDR"})
    void refusesWhatIsNotTheCodeOfACirculatingCurrency(String currency) {
        assertEquals(List.of("currency"), invalidFields("c1",
                new ChainRequest(null, currency, "UTC", null, "1", null, null)));
    }

    @ParameterizedTest
    @CsvSource({"Europe/Athens, true", "Asia/Tehran, true", "Pacific/Kiritimati, true", "UTC, true",
            "+02:00, false", "GMT+2, false", "Europe/Atlantis, false", "europe/athens, false"})
    void acceptsIanaTimeZonesOnly(String zone, boolean valid) {
        List<String> invalid = invalidFields("c1", new ChainRequest(null, "EUR", zone, null, "1", null, null));
        assertEquals(valid ? List.of() : List.of("timeZone"), invalid);
    }

    @Test
    void aSeedsErrorNamesItsConfigurationKeys() {
        ChainSettings seed = new ChainSettings("gr-1");
        seed.setCurrency("EUR");
        seed.setMinimumAge(-1);
        seed.setTillMaxLines(0);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ChainPublication.record(seed, validator, AT));

        assertEquals("patronage.enrollment.chains.gr-1: point-value is required: what one point is worth in the"
                + " chain's currency, such as \"0.01\"; minimum-age must be 0 (none) to 120 years;"
                + " till-max-lines must be 1 to 1000", error.getMessage());
    }

    private static ChainRequest minimal() {
        return new ChainRequest(null, "EUR", "Europe/Athens", null, "0.01", null, null);
    }

    private List<String> invalidFields(String chainId, ChainRequest request) {
        try {
            validator.validate(chainId, request, AT);
            return List.of();
        } catch (InvalidFieldsException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }
}

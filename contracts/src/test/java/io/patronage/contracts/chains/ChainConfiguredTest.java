package io.patronage.contracts.chains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainConfiguredTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void durationsTravelAsIsoTextAndAbsentLimitsMeanTheDefaults() throws Exception {
        ChainConfigured chain = new ChainConfigured("gr-1", "EUR", "Europe/Athens", "el-GR",
                new TillLimits(new BigDecimal("100000"), 200, Duration.ofMinutes(5), Duration.ofDays(400)),
                Instant.parse("2026-12-01T00:00:00Z"));

        JsonNode written = json.readTree(json.writeValueAsBytes(chain));
        assertEquals("PT5M", written.get("tillLimits").get("maxClockSkew").asText());
        assertEquals("PT9600H", written.get("tillLimits").get("maxAge").asText());
        assertEquals(chain, json.readValue(json.writeValueAsBytes(chain), ChainConfigured.class));

        ChainConfigured bare = json.readValue("""
                {"chainId":"ir-1","currency":"IRR","timeZone":"Asia/Tehran","configuredAt":"2026-12-01T00:00:00Z"}
                """, ChainConfigured.class);
        assertEquals(TillLimits.DEFAULT_MAX_TOTAL, bare.tillLimits().maxTotalOrDefault());
        assertEquals(500, bare.tillLimits().maxLinesOrDefault());
        assertEquals(Duration.ofMinutes(10), bare.tillLimits().maxClockSkewOrDefault());
    }

    @Test
    void theSameConfigurationPublishedAtAnotherTimeIsTheSame() {
        ChainConfigured chain = new ChainConfigured("gr-1", "EUR", "Europe/Athens", "el-GR", null, Instant.EPOCH);

        assertTrue(chain.sameAs(chain.withConfiguredAt(Instant.now())));
        assertFalse(chain.sameAs(new ChainConfigured("gr-1", "USD", "Europe/Athens", "el-GR", null, Instant.EPOCH)));
    }

    @Test
    void thePolicyAndThePointValueTravelAndThePointValueIsADecimalString() throws Exception {
        ChainConfigured chain = new ChainConfigured("gr-1", "EUR", "Europe/Athens", "el-GR", null,
                new EnrollmentPolicy(EnrollmentMode.INVITATION, List.of("SUMMER26"), 16, List.of(RequiredConsent.TERMS)),
                new BigDecimal("0.01"), Instant.parse("2026-12-01T00:00:00Z"));

        JsonNode written = json.readTree(json.writeValueAsBytes(chain));
        assertTrue(written.get("pointValue").isTextual(), written.toString());
        assertEquals("0.01", written.get("pointValue").asText());
        assertEquals("INVITATION", written.get("enrollmentPolicy").get("mode").asText());
        assertEquals(chain, json.readValue(json.writeValueAsBytes(chain), ChainConfigured.class));
        assertEquals(new BigDecimal("0.000001"), json.readValue("""
                {"chainId":"gr-1","currency":"EUR","timeZone":"UTC","pointValue":0.000001,"configuredAt":"2026-12-01T00:00:00Z"}
                """, ChainConfigured.class).pointValue());
    }

    @Test
    void aRecordFromBeforePoliciesAndPointValuesReadsAsOpenWithoutAPointValue() throws Exception {
        ChainConfigured old = json.readValue("""
                {"chainId":"ir-1","currency":"IRR","timeZone":"Asia/Tehran","defaultLocale":"fa-IR",
                 "tillLimits":{"maxTotal":null},"configuredAt":"2026-12-01T00:00:00Z"}
                """, ChainConfigured.class);

        assertEquals(EnrollmentPolicy.OPEN, old.enrollmentPolicy());
        assertEquals(EnrollmentMode.OPEN, old.enrollmentPolicy().mode());
        assertEquals(0, old.enrollmentPolicy().minimumAge());
        assertEquals(List.of(), old.enrollmentPolicy().requiredConsents());
        assertNull(old.pointValue());
        assertEquals(old, new ChainConfigured("ir-1", "IRR", "Asia/Tehran", "fa-IR", null,
                Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void aPointValueWithTrailingZerosIsTheSameConfigurationButAnotherPolicyIsNot() {
        ChainConfigured chain = new ChainConfigured("gr-1", "EUR", "UTC", "el", null, EnrollmentPolicy.OPEN,
                new BigDecimal("0.01"), Instant.EPOCH);

        assertTrue(chain.sameAs(new ChainConfigured("gr-1", "EUR", "UTC", "el", null, null, new BigDecimal("0.010"),
                Instant.now())));
        assertFalse(chain.sameAs(new ChainConfigured("gr-1", "EUR", "UTC", "el", null,
                new EnrollmentPolicy(EnrollmentMode.OPEN, List.of(), 18, List.of()), new BigDecimal("0.01"), Instant.EPOCH)));
        assertFalse(chain.sameAs(new ChainConfigured("gr-1", "EUR", "UTC", "el", null, null, new BigDecimal("0.02"),
                Instant.EPOCH)));
    }

    @Test
    void refusesLimitsThatAllowNothingSensible() {
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(BigDecimal.ZERO, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(null, -1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(null, null, Duration.ofMinutes(-1), null));
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(null, null, null, Duration.ZERO));
    }
}

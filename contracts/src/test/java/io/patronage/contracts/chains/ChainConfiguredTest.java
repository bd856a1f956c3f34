package io.patronage.contracts.chains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void refusesLimitsThatAllowNothingSensible() {
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(BigDecimal.ZERO, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(null, -1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(null, null, Duration.ofMinutes(-1), null));
        assertThrows(IllegalArgumentException.class, () -> new TillLimits(null, null, null, Duration.ZERO));
    }
}

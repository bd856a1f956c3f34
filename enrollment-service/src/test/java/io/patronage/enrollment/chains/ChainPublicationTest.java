package io.patronage.enrollment.chains;

import io.patronage.contracts.chains.ChainConfigured;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainPublicationTest {

    @Test
    void aChainsRecordCarriesItsCurrencyZoneLocaleAndTillLimits() {
        ChainSettings settings = new ChainSettings("gr-1");
        settings.setCurrency("EUR");
        settings.setTimeZone("Europe/Athens");
        settings.setDefaultLocale("el-gr");
        settings.setTillMaxTotal(new BigDecimal("5000"));
        settings.setTillMaxClockSkew(Duration.ofMinutes(2));
        settings.setPointValue(new BigDecimal("0.010"));

        ChainConfigured chain = ChainPublication.record(settings, new ChainValidator("en"), Instant.EPOCH);

        assertEquals("EUR", chain.currency());
        assertEquals("Europe/Athens", chain.timeZone());
        assertEquals("el-GR", chain.defaultLocale());
        assertEquals(new BigDecimal("5000"), chain.tillLimits().maxTotal());
        assertEquals(500, chain.tillLimits().maxLinesOrDefault());
        assertEquals(Duration.ofMinutes(2), chain.tillLimits().maxClockSkew());
        assertEquals(new BigDecimal("0.01"), chain.pointValue());
    }

    @Test
    void aChainWithoutAValidCurrencyOrWithImpossibleLimitsStopsTheService() {
        ChainSettings none = new ChainSettings("gr-1");
        ChainSettings lower = new ChainSettings("gr-2");
        lower.setCurrency("eur");
        ChainSettings negative = new ChainSettings("gr-3");
        negative.setCurrency("EUR");
        negative.setTillMaxTotal(new BigDecimal("-1"));

        for (ChainSettings settings : List.of(none, lower, negative)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ChainPublication.record(settings, new ChainValidator("en"), Instant.EPOCH));
            assertTrue(error.getMessage().startsWith("patronage.enrollment.chains." + settings.getChainId()),
                    error.getMessage());
        }
    }
}

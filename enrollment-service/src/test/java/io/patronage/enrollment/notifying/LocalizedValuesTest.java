package io.patronage.enrollment.notifying;

import com.ibm.icu.util.ULocale;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.contracts.notifications.PointsExpiringParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalizedValuesTest {

    /** 2026-12-31T22:30Z is already 1 January in Tehran (+03:30) and Helsinki (+02:00), not yet in London. */
    private static final PointsExpiringParameters EXPIRING =
            new PointsExpiringParameters(new BigDecimal("12345"), Instant.parse("2026-12-31T22:30:00Z"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | Europe/London  | 12,345     | December 31, 2026",
            "fa-IR | Asia/Tehran    | ۱۲٬۳۴۵     | ۱۱ دی ۱۴۰۵",
            "fi-FI | Europe/Helsinki| 12 345     | 1. tammikuuta 2027",
            "el-GR | Europe/Athens  | 12.345     | 1 Ιανουαρίου 2027",
            "ro-RO | Europe/Bucharest | 12.345   | 1 ianuarie 2027",
            "ms-MY | Asia/Kuala_Lumpur | 12,345  | 1 Januari 2027",
            "en-GB | Europe/London  | 12,345     | 31 December 2026",
            "de-DE | Europe/Berlin  | 12,345     | December 31, 2026",
            "ja-JP | Asia/Tokyo     | 12,345     | January 1, 2027",
            "pt-BR | America/Sao_Paulo | 12,345  | December 31, 2026"})
    void datesInTheMembersCalendarAndTheChainsZoneNumbersInTheLocalesDigitsOrInEnglishLikeTheTextWithoutTheirLanguage(
            String locale, String zone, String points, String expiresAt) {
        Map<String, String> values = LocalizedValues.of(EXPIRING, locale, ZoneId.of(zone));

        assertEquals(points, values.get("points").replace('\u00a0', ' ').replace('\u202f', ' '));
        assertEquals(expiresAt, values.get("expiresAt"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "el-GR | 2.5    | 2,50",
            "fi-FI | 2.5    | 2,50",
            "ro-RO | 2.5    | 2,50",
            "fa-IR | 2.5    | ۲٫۵۰",
            "en    | 2.5    | 2.50",
            "el-GR | 1234.57 | 1.234,57",
            "fa-IR | 1234.57 | ۱٬۲۳۴٫۵۷",
            "el-GR | 150    | 150",
            "fi-FI | 150    | 150",
            "ro-RO | 150    | 150",
            "fa-IR | 150    | ۱۵۰",
            "el-GR | 150.00 | 150,00"})
    void fractionalPointsShowTheirDecimalsInTheLocalesFormat(String locale, String points, String shown) {
        Map<String, String> values = LocalizedValues.of(new PointsExpiringParameters(new BigDecimal(points),
                Instant.parse("2026-12-31T22:30:00Z")), locale, ZoneId.of("UTC"));

        assertEquals(shown, values.get("points").replace('\u00a0', ' ').replace('\u202f', ' '));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | 10% off            | €2.50 off             | a free product (MUG-1)",
            "el-GR | έκπτωση 10%        | έκπτωση 2,50 €        | ένα δωρεάν προϊόν (MUG-1)",
            "fa-IR | ۱۰٪ تخفیف          | ‎ریال ۵۰٬۰۰۰ تخفیف    | یک محصول رایگان (MUG-1)",
            "fi-FI | 10 % alennuksen    | 2,50 € alennuksen     | ilmaisen tuotteen (MUG-1)",
            "ro-RO | o reducere de 10 % | o reducere de 2,50 EUR | un produs gratuit (MUG-1)",
            "ms-MY | diskaun 10%        | diskaun €2.50         | satu produk percuma (MUG-1)"})
    void whatACouponGivesInTheMembersLanguageWithTheChainsCurrency(String locale, String percent, String amount,
                                                                  String product) {
        ULocale member = ULocale.forLanguageTag(locale);
        BigDecimal amountOff = locale.startsWith("fa") ? new BigDecimal("50000") : new BigDecimal("2.50");
        String currency = locale.startsWith("fa") ? "IRR" : "EUR";

        assertEquals(percent, spaced(LocalizedValues.offer(CouponOffer.percentOff(10), member)));
        assertEquals(amount, spaced(LocalizedValues.offer(CouponOffer.amountOff(amountOff, currency), member)));
        assertEquals(product, LocalizedValues.offer(CouponOffer.freeProduct("MUG-1"), member));
    }

    /** Without messages in Japanese the member reads English: its figures too, not "￥500" and "2027年1月2日". */
    @Test
    void aCouponForALanguageWithoutMessagesIsWordedInEnglishWithEnglishFigures() {
        Map<String, String> values = LocalizedValues.of(new CouponIssuedParameters("Q8TGT6BVW7", "free-coffee",
                Instant.parse("2027-01-02T17:07:25Z"), CouponOffer.amountOff(new BigDecimal("500"), "JPY")), "ja-JP",
                ZoneId.of("Asia/Tokyo"));

        assertEquals("¥500 off", spaced(values.get("offer")));
        assertEquals("January 3, 2027", values.get("expiresAt"));
    }

    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

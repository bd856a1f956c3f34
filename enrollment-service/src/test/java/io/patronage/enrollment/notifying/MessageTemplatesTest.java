package io.patronage.enrollment.notifying;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTemplatesTest {

    private static final Map<String, String> VALUES = Map.of("firstName", "Ελένη", "cardNumber", "9000000000000001",
            "points", "120", "expiresOn", "2026-12-31", "couponCode", "C-42", "tier", "GOLD");
    private final MessageTemplates templates = new MessageTemplates();

    @ParameterizedTest
    @ValueSource(strings = {"en", "el-GR", "ro-RO", "ms-MY", "fa-IR", "fi-FI"})
    void everyLanguageHasEveryKindWithEveryPlaceholderFilled(String locale) {
        for (String kind : List.of("WELCOME", "POINTS_EXPIRING", "COUPON_ISSUED", "TIER_CHANGED")) {
            MessageTemplates.Message message = templates.render(kind, locale, VALUES).orElseThrow();
            assertFalse(message.subject().isBlank(), kind + " " + locale);
            assertFalse(message.body().contains("{") || message.subject().contains("{"), message.toString());
            assertTrue(message.body().contains("Ελένη"), message.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"el-GR, Καλώς ήρθατε", "el, Καλώς ήρθατε", "fa-IR, خوش آمدید", "ro, Bun venit", "ms-MY, Selamat datang",
            "fi-FI, Tervetuloa", "de-DE, Welcome", "pt-BR, Welcome"})
    void theWelcomeIsInTheMembersLanguageOrElseInEnglish(String locale, String greeting) {
        MessageTemplates.Message welcome = templates.render("WELCOME", locale, VALUES).orElseThrow();

        assertTrue(welcome.subject().contains(greeting), welcome.subject());
        assertTrue(welcome.body().contains("9000000000000001"), welcome.body());
    }

    @Test
    void anUnknownKindHasNoMessage() {
        assertTrue(templates.render("BIRTHDAY_PONY", "en", VALUES).isEmpty());
    }

    @Test
    void aMissingParameterLeavesItsPlaceEmpty() {
        assertEquals("Hello ,", templates.render("TIER_CHANGED", "en", Map.of()).orElseThrow().body().lines().findFirst().orElseThrow());
    }
}

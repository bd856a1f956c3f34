package io.patronage.enrollment.notifying;

import io.patronage.contracts.notifications.BirthdayOfferParameters;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.PointsExpiringParameters;
import io.patronage.contracts.notifications.PunchCardCompletedParameters;
import io.patronage.contracts.notifications.TierChangedParameters;
import io.patronage.contracts.notifications.WelcomeParameters;
import io.patronage.contracts.notifications.WinBackOfferParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTemplatesTest {

    private static final Map<String, String> VALUES = Map.of("firstName", "Ελένη", "cardNumber", "9000000000000001",
            "points", "120", "expiresAt", "2026-12-31", "couponCode", "C-42", "toTier", "GOLD", "visits", "10");
    private final MessageTemplates templates = new MessageTemplates();

    @ParameterizedTest
    @ValueSource(strings = {"en", "el-GR", "ro-RO", "ms-MY", "fa-IR", "fi-FI"})
    void everyLanguageHasEveryKindWithEveryPlaceholderFilled(String locale) {
        for (String kind : List.of("WELCOME", "POINTS_EXPIRING", "COUPON_ISSUED", "TIER_CHANGED",
                "PUNCH_CARD_COMPLETED", "BIRTHDAY_OFFER", "WIN_BACK_OFFER")) {
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
    void aMissingValueIsAnErrorNamingItNotABlank() {
        MessageTemplates.MissingValueException missing = assertThrows(MessageTemplates.MissingValueException.class,
                () -> templates.render("TIER_CHANGED", "en", Map.of()));
        assertTrue(missing.getMessage().contains("{firstName}"), missing.getMessage());
    }

    @Test
    void aTierThatMayBeAbsentHasItsOwnWordsInEveryLanguage() {
        for (String locale : LANGUAGES) {
            String body = templates.render("TIER_CHANGED", locale, Map.of("firstName", "Ελένη")).orElseThrow().body();
            assertFalse(body.contains("{"), body);
        }
    }

    /**
     * The contract: every template of every language uses only its kind's record fields and the profile's, and
     * every field of the record, except those listed here on purpose.
     */
    @Test
    void everyTemplateUsesExactlyItsRecordsFields() {
        Map<String, Set<String>> unusedOnPurpose = Map.of(
                "TIER_CHANGED", Set.of("fromTier", "reason"), // the member's new tier is the news
                "COUPON_ISSUED", Set.of("rewardId", "expiresAt"), // an id, and a date not every coupon has
                "PUNCH_CARD_COMPLETED", Set.of("rewardId", "punchCardId", "expiresAt"), // ids, and an optional date
                "BIRTHDAY_OFFER", Set.of("rewardId", "expiresAt"),
                "WIN_BACK_OFFER", Set.of("rewardId", "expiresAt"));
        for (NotificationParameters parameters : SAMPLES) {
            for (String locale : LANGUAGES) {
                Map<String, String> values = new HashMap<>();
                Map<String, String> fields = new HashMap<>();
                for (RecordComponent field : parameters.getClass().getRecordComponents()) {
                    String marker = "<" + field.getName() + ">";
                    values.put(field.getName(), marker);
                    fields.put(field.getName(), marker);
                }
                values.putAll(Map.of("firstName", "<firstName>", "lastName", "<lastName>"));
                values.putIfAbsent("cardNumber", "<cardNumber>");
                MessageTemplates.Message message = templates.render(parameters.kind(), locale, values).orElseThrow();
                String text = message.subject() + message.body();
                assertFalse(text.matches("(?s).*\\{[A-Za-z0-9_]+}.*"), text);
                fields.forEach((field, marker) -> assertEquals(
                        !unusedOnPurpose.getOrDefault(parameters.kind(), Set.of()).contains(field), text.contains(marker),
                        parameters.kind() + " " + locale + " uses " + field + ": " + text));
            }
        }
    }

    static final List<String> LANGUAGES = List.of("en", "el-GR", "fa-IR", "fi-FI", "ms-MY", "ro-RO");

    static final List<NotificationParameters> SAMPLES = List.of(new WelcomeParameters("9000000000000001"),
            new PointsExpiringParameters(new BigDecimal("1234"), Instant.parse("2026-12-31T12:00:00Z")),
            new TierChangedParameters("SILVER", "GOLD", "QUALIFIED"),
            new CouponIssuedParameters("C-42", "coffee", Instant.parse("2027-01-31T12:00:00Z")),
            new PunchCardCompletedParameters("C-44", "coffee", "tenth-coffee", 10, Instant.parse("2027-01-31T12:00:00Z")),
            new BirthdayOfferParameters("C-45", "cake", Instant.parse("2027-01-31T12:00:00Z")),
            new WinBackOfferParameters("C-46", "coffee", Instant.parse("2027-01-31T12:00:00Z")));

    @Test
    void everyKindHasASample() {
        assertEquals(NotificationParameters.KINDS, SAMPLES.stream().map(NotificationParameters::getClass).toList());
    }
}

package io.patronage.enrollment.notifying;

import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message texts per kind and language, from {@code notifications*.properties} (UTF-8): {@code
 * <KIND>.subject} and {@code <KIND>.body} with {@code {name}} placeholders filled from the
 * notification's parameters and the member's profile. A member's locale falls back to its language,
 * then to English, never to the server's default locale.
 */
@Singleton
class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    record Message(String subject, String body) {
    }

    /** The message for {@code kind} in the member's language, or empty when no template exists for that kind. */
    Optional<Message> render(String kind, String locale, Map<String, String> values) {
        ResourceBundle bundle = ResourceBundle.getBundle("notifications",
                Locale.forLanguageTag(locale == null ? "en" : locale), NO_SERVER_LOCALE);
        try {
            return Optional.of(new Message(fill(bundle.getString(kind + ".subject"), values),
                    fill(bundle.getString(kind + ".body"), values)));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(text).toString();
    }
}

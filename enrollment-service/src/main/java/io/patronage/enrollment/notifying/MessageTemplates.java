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
 * notification's parameters record and the member's profile. A placeholder whose value is absent takes the text
 * {@code <KIND>.<name>.none}, else {@code <name>.none} (for a field that may be {@code null}, e.g. the tier of a member
 * who left every tier, or what a coupon gives when its reward does not say);
 * without one it is an error ({@link MissingValueException}), never a blank. A member's locale falls back to its
 * language, then to English, never to the server's default locale.
 */
@Singleton
class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    record Message(String subject, String body) {
    }

    /** A template refers to a value the notification does not have. */
    static final class MissingValueException extends IllegalArgumentException {
        MissingValueException(String kind, String name) {
            super("the " + kind + " message needs {" + name + "}, which the notification does not have");
        }
    }

    /** The message for {@code kind} in the member's language, or empty when no template exists for that kind. */
    Optional<Message> render(String kind, String locale, Map<String, String> values) {
        ResourceBundle bundle = bundle(locale);
        try {
            String subject = bundle.getString(kind + ".subject");
            String body = bundle.getString(kind + ".body");
            return Optional.of(new Message(fill(kind, subject, values, bundle), fill(kind, body, values, bundle)));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The texts of the member's language, falling back to its language, then English. */
    static ResourceBundle bundle(String locale) {
        return ResourceBundle.getBundle("notifications", Locale.forLanguageTag(locale == null ? "en" : locale),
                NO_SERVER_LOCALE);
    }

    private static String fill(String kind, String template, Map<String, String> values, ResourceBundle bundle) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                String none = bundle.containsKey(kind + "." + name + ".none") ? kind + "." + name + ".none"
                        : name + ".none";
                if (!bundle.containsKey(none)) {
                    throw new MissingValueException(kind, name);
                }
                value = bundle.getString(none);
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(text).toString();
    }
}

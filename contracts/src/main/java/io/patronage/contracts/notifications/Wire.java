package io.patronage.contracts.notifications;

import io.patronage.contracts.notifications.NotificationParameters.MissingParameterException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads and writes the records' wire form, a map of strings. */
final class Wire {
    private final String kind;
    private final Map<String, String> values;

    Wire(String kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    static Map<String, String> write(Object... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                map.put((String) namesAndValues[i],
                        value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
            }
        }
        return map;
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingParameterException(kind, name, "is missing");
        }
        return value;
    }

    String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    <T> T parse(String name, String value, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MissingParameterException(kind, name, "cannot be read: " + value);
        }
    }

    Instant instant(String name, String value) {
        return parse(name, value, Instant::parse);
    }

    BigDecimal decimal(String name, String value) {
        return parse(name, value, BigDecimal::new);
    }
}

package io.patronage.bench.platform;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counters from a service's {@code /prometheus} text exposition. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private Prometheus() {
    }

    /**
     * The values of one metric by the value of one of its labels, e.g. {@code patronage_mongo_commands_total}
     * by {@code command}.
     */
    public static Map<String, Double> byLabel(String exposition, String metric, String label) {
        Pattern labelValue = Pattern.compile(label + "=\"([^\"]*)\"");
        Map<String, Double> values = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find() || !sample.group(1).equals(metric) || sample.group(2) == null) {
                continue;
            }
            Matcher value = labelValue.matcher(sample.group(2));
            if (value.find()) {
                values.merge(value.group(1), Double.parseDouble(sample.group(3)), Double::sum);
            }
        }
        return values;
    }

    public static Map<String, Long> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((key, value) -> {
            long change = Math.round(value - before.getOrDefault(key, 0.0));
            if (change != 0) {
                delta.put(key, change);
            }
        });
        return delta;
    }
}

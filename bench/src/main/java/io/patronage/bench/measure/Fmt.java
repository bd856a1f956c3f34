package io.patronage.bench.measure;

import java.util.Locale;

/** Numbers as people read them: thousands separated, rates without false precision. */
public final class Fmt {

    private Fmt() {
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "n/a";
        }
        return perSecond >= 100 ? count(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    public static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? count(Math.round(millis)) : String.format(Locale.ROOT, "%.1f", millis);
    }

    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.3f×", ratio);
    }

    public static String bytes(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
                : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** Three significant decimals for JSON, NaN as null. */
    public static Double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1000) / 1000.0;
    }
}

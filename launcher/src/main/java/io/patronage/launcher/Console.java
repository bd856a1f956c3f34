package io.patronage.launcher;

/** The launcher's output: every line that does not come from the launcher itself says whose it is. */
public final class Console {

    private static final int LABEL_WIDTH = 10;

    private Console() {
    }

    /** {@code "[points    ] "} */
    public static String prefix(String label) {
        return "[" + String.format("%-" + LABEL_WIDTH + "s", label) + "] ";
    }

    /** Seconds with one decimal, whatever the default locale: {@code 12.3}. */
    public static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}

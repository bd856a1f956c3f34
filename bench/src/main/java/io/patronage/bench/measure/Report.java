package io.patronage.bench.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run found: rows for the console table, sections for the JSON file, notes for both. */
public final class Report {

    /** A line of the table; {@code target} and {@code status} may be empty. */
    public record Row(String measurement, String value, String target, String status) {
    }

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void put(String section, Object value) {
        json.put(section, value);
    }

    public void row(String measurement, String value) {
        rows.add(new Row(measurement, value, "", ""));
    }

    /** A row compared against one of issue 4's targets. */
    public void row(String measurement, String value, String target, boolean met) {
        rows.add(new Row(measurement, value, target, met ? "met" : "MISSED"));
    }

    public void note(String note) {
        notes.add(note);
    }

    public String table() {
        int[] width = {"measurement".length(), "value".length(), "target".length()};
        for (Row row : rows) {
            width[0] = Math.max(width[0], row.measurement().length());
            width[1] = Math.max(width[1], row.value().length());
            width[2] = Math.max(width[2], row.target().length());
        }
        String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s%n";
        StringBuilder table = new StringBuilder(String.format(format, "measurement", "value", "target", "status"));
        table.append("-".repeat(width[0] + width[1] + width[2] + 12)).append('\n');
        rows.forEach(row -> table.append(
                String.format(format, row.measurement(), row.value(), row.target(), row.status())));
        if (!notes.isEmpty()) {
            table.append('\n');
            notes.forEach(note -> table.append("note: ").append(note).append('\n'));
        }
        return table.toString();
    }

    public Path write(Path file) {
        Map<String, Object> document = new LinkedHashMap<>(json);
        document.put("table", rows);
        document.put("notes", notes);
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

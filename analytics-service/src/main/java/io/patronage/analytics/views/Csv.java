package io.patronage.analytics.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.patronage.kit.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Views as CSV (RFC 4180): a header of the records' field names, one line per record, CRLF line ends, fields quoted
 * where they hold a comma, a quote or a line break. A missing or {@code null} value is an empty field; numbers are
 * written as the JSON has them. A text that a spreadsheet would run as a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return — a product code from a till, say) gets a leading {@code '}, which
 * spreadsheets show as text (OWASP's advice against CSV injection).
 */
final class Csv {

    /** Keeps a decimal's scale (100.00, not 1E+2). */
    private static final ObjectMapper EXACT = Json.mapper().copy()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Csv() {
    }

    static String of(List<?> records) {
        List<JsonNode> rows = records.stream().map(record -> (JsonNode) EXACT.valueToTree(record)).toList();
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(columns));
        for (JsonNode row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                fields.add(value == null || value.isNull() ? "" : value.isTextual() ? text(value.asText())
                        : value.isValueNode() ? value.asText() : value.toString());
            }
            line(csv, fields);
        }
        return csv.toString();
    }

    private static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (Iterator<String> field = fields.iterator(); field.hasNext(); ) {
            csv.append(quoted(field.next()));
            if (field.hasNext()) {
                csv.append(',');
            }
        }
        csv.append("\r\n");
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}

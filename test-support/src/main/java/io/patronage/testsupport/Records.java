package io.patronage.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Reading records the probe got back: headers, bodies, and the usual conditions on them. */
public final class Records {

    /** The header of a dead letter that says why the record could not be processed. */
    public static final String DEAD_LETTER_REASON = "dlq.reason";

    private Records() {
    }

    /** The header's value as text, or {@code null} when absent. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type");
    }

    public static String deadLetterReason(ConsumerRecord<String, byte[]> record) {
        return header(record, DEAD_LETTER_REASON);
    }

    public static String text(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return ProbeJson.tree(text(record));
    }

    public static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return ProbeJson.read(record.value(), type);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    /** A CloudEvent of {@code type} (e.g. {@code io.patronage.PointsEarned}) about {@code key}. */
    public static Predicate<ConsumerRecord<String, byte[]>> event(String key, String type) {
        return record -> key.equals(record.key()) && type.equals(type(record));
    }

    /** A CloudEvent of {@code type} about {@code key} whose JSON body matches. */
    public static Predicate<ConsumerRecord<String, byte[]>> event(String key, String type, Predicate<JsonNode> body) {
        return record -> key.equals(record.key()) && type.equals(type(record)) && body.test(json(record));
    }
}

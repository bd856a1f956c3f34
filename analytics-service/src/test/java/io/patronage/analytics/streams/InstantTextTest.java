package io.patronage.analytics.streams;

import io.patronage.kit.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InstantTextTest {

    record Stamped(Instant at) {
    }

    @Test
    void readsEveryInstantAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            // whole seconds, milli-, micro- and nanosecond fractions: Instant.toString writes 0, 3, 6 or 9 digits
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant, InstantText.parse(instant.toString()), instant.toString());
        }
        assertEquals(Instant.parse("2026-11-27T10:15:30.1Z"), InstantText.parse("2026-11-27T10:15:30.1Z"));
        assertEquals(Instant.parse("2024-02-29T23:59:59.12345Z"), InstantText.parse("2024-02-29T23:59:59.12345Z"));
    }

    @Test
    void leavesEveryOtherFormToJackson() {
        for (String text : List.of("2026-11-27T10:15:30+01:00", "2026-11-27T10:15:30.5+03:30", "2026-02-30T10:15:30Z",
                "2026-11-27T24:00:00Z", "2026-11-27T23:59:60Z", "+10000-01-01T00:00:00Z", "2026-11-27 10:15:30Z",
                "2026-11-27T10:15:30.Z", "2026-11-27T10:15:30.1234567890Z", "2026-11-27T10:15:3xZ", "2026-11-27")) {
            assertNull(InstantText.parse(text), text);
        }
    }

    @Test
    void theSerdeReadsWhatJacksonReads() throws Exception {
        JsonSerde<Stamped> serde = JsonSerde.of(Stamped.class);
        for (String at : List.of("\"2026-11-27T10:15:30Z\"", "\"2026-11-27T10:15:30.123456789Z\"",
                "\"2026-11-27T10:15:30+01:00\"", "\"2026-11-27T10:15:30.5-03:30\"", "1764238530.123",
                "1764238530123", "null")) {
            byte[] json = ("{\"at\":" + at + "}").getBytes(StandardCharsets.UTF_8);
            assertEquals(Json.mapper().readValue(json, Stamped.class), serde.deserializer().deserialize("t", json), at);
        }
        Stamped stamped = new Stamped(Instant.parse("2026-11-27T10:15:30.120Z"));
        assertEquals(stamped, serde.deserializer().deserialize("t", serde.serializer().serialize("t", stamped)));
        assertEquals(Json.mapper().writeValueAsString(stamped),
                new String(serde.serializer().serialize("t", stamped), StandardCharsets.UTF_8));
    }
}

package io.patronage.kit.kafka;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.kit.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record is exactly one JSON value, and not the literal {@code null}: whatever follows it is refused, on every topic.
 */
class StrictJsonTest {

    private static final String TRANSACTION = """
            {"transactionId":"t-1","chainId":"gr-1","storeId":"ath-01","type":"PURCHASE",
             "occurredAt":"2026-11-27T09:15:00+02:00","currency":"EUR","total":"12.00","lines":[]}""";
    private static final String ENGAGEMENT = """
            {"engagementId":"s-1","chainId":"fi-1","memberId":"m-1","type":"REVIEW",
             "occurredAt":"2026-11-27T18:00:00+02:00"}""";
    private static final String OPTED_OUT = """
            {"memberId":"m-1","chainId":"gr-1","optedOutAt":"2026-11-27T18:00:00Z"}""";

    private static final ChainConfigured CHAIN = new ChainConfigured("gr-1", "EUR", "Europe/Athens", "el-GR", null,
            Instant.parse("2026-01-01T00:00:00Z"));

    private final StandardDecoder decoder = new StandardDecoder(
            chainId -> CHAIN.chainId().equals(chainId) ? Optional.of(CHAIN) : Optional.empty(), Clock.systemUTC());

    @Test
    void refusesASecondJsonValueAfterATransaction() {
        PoisonMessageException error = assertThrows(PoisonMessageException.class,
                () -> decoder.decode(transaction(TRANSACTION + " " + TRANSACTION)));

        String reason = error.getMessage();
        assertTrue(reason.startsWith("malformed transaction JSON: unexpected content after the JSON value (line 2"),
                reason);
        assertFalse(reason.contains("io.patronage"), "no Java class names: " + reason);
    }

    @Test
    void refusesGarbageAfterATransaction() {
        PoisonMessageException error = assertThrows(PoisonMessageException.class,
                () -> decoder.decode(transaction(TRANSACTION + "garbage")));

        assertTrue(error.getMessage().startsWith("malformed transaction JSON: "), error.getMessage());
    }

    @Test
    void refusesTrailingTokensAfterAnEngagementEventAndACloudEvent() {
        PoisonMessageException engagement = assertThrows(PoisonMessageException.class,
                () -> decoder.decode(engagement(ENGAGEMENT + "[]")));
        PoisonMessageException cloudEvent = assertThrows(PoisonMessageException.class,
                () -> decoder.decode(optedOut(OPTED_OUT + "{}")));

        assertTrue(engagement.getMessage().contains("unexpected content after the JSON value"), engagement.getMessage());
        assertTrue(cloudEvent.getMessage().contains("unexpected content after the JSON value"), cloudEvent.getMessage());
    }

    @Test
    void stillAcceptsOneValueWithSurroundingWhitespace() {
        assertEquals("gr-1:t-1", decoder.decode(transaction("\n " + TRANSACTION + " \n\t")).messageId());
        assertEquals("fi-1:s-1", decoder.decode(engagement(ENGAGEMENT + "\n")).messageId());
        assertEquals("e-1", decoder.decode(optedOut(OPTED_OUT + " ")).messageId());
    }

    @Test
    void refusesACloudEventBodyThatIsTheJsonLiteralNull() {
        // Read as no payload at all, it was skipped unnoticed by some listeners and failed others with an NPE.
        for (String body : new String[]{"null", " null\n"}) {
            PoisonMessageException error = assertThrows(PoisonMessageException.class,
                    () -> decoder.decode(optedOut(body)));

            assertEquals("malformed io.patronage.MemberOptedOut body: JSON null, not an object", error.getMessage());
        }
    }

    @Test
    void leavesTheSharedMapperAsItWas() throws Exception {
        // The event store and HTTP use Json.mapper(); only Kafka decoding is strict.
        assertEquals("m-1", Json.mapper().readTree(OPTED_OUT + " {}").get("memberId").asText());
    }

    private static ConsumerRecord<String, byte[]> transaction(String json) {
        return new ConsumerRecord<>(Topics.TRANSACTIONS.name(), 0, 0L, "c", json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> engagement(String json) {
        return new ConsumerRecord<>(Topics.ENGAGEMENT.name(), 0, 0L, "m-1", json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> optedOut(String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.MEMBERS.name(), 0, 0L, "m-1",
                json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, "e-1");
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, IntegrationEvent.typeOf(MemberOptedOut.class));
        return record;
    }
}

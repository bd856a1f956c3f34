package io.patronage.kit.kafka;

import io.patronage.contracts.engagement.EngagementEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngagementDecoderTest {

    private final StandardDecoder decoder = new StandardDecoder();

    @Test
    void decodesASurveyWithItsIdentity() {
        InboundMessage message = decoder.decode(record("""
                {"engagementId":"s-9","chainId":"fi-1","memberId":"m-1","type":"SURVEY_COMPLETED","score":9,
                 "occurredAt":"2026-11-27T18:00:00+02:00"}
                """));

        EngagementEvent event = (EngagementEvent) message.payload();
        assertEquals("fi-1:s-9", message.messageId());
        assertEquals(9, event.score());
    }

    @Test
    void refusesAnUnknownTypeAndMissingIds() {
        PoisonMessageException error = assertThrows(PoisonMessageException.class, () -> decoder.decode(record("""
                {"type":"LIKE","occurredAt":"2026-11-27T18:00:00Z"}
                """)));
        assertTrue(error.getMessage().contains("engagementId is required"), error.getMessage());
        assertTrue(error.getMessage().contains("type must be one of"), error.getMessage());
    }

    @Test
    void refusesAScoreOutsideZeroToTen() {
        for (int score : new int[]{-1, 11, 100}) {
            PoisonMessageException error = assertThrows(PoisonMessageException.class, () -> decoder.decode(record("""
                    {"engagementId":"s-1","chainId":"fi-1","memberId":"m-1","type":"SURVEY_COMPLETED","score":%d,
                     "occurredAt":"2026-11-27T18:00:00Z"}
                    """.formatted(score))));
            assertTrue(error.getMessage().contains("score must be between 0 and 10: " + score), error.getMessage());
        }
        for (int score : new int[]{0, 10}) {
            EngagementEvent event = (EngagementEvent) decoder.decode(record("""
                    {"engagementId":"s-1","chainId":"fi-1","memberId":"m-1","type":"SURVEY_COMPLETED","score":%d,
                     "occurredAt":"2026-11-27T18:00:00Z"}
                    """.formatted(score))).payload();
            assertEquals(score, event.score());
        }
    }

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("retail.engagement.v1", 0, 0L, "m-1", json.getBytes(StandardCharsets.UTF_8));
    }
}

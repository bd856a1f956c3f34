package io.patronage.kit.kafka;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberOptedOut;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloudEventDecoderTest {

    private final CloudEventDecoder decoder = new CloudEventDecoder();

    @Test
    void refusesABodyThatIsTheJsonLiteralNull() {
        // Read as no payload at all, it was skipped unnoticed by some listeners and failed others with an NPE.
        for (String body : new String[]{"null", " null\n"}) {
            PoisonMessageException error = assertThrows(PoisonMessageException.class,
                    () -> decoder.decode(optedOut(body)));

            assertEquals("malformed io.patronage.MemberOptedOut body: JSON null, not an object", error.getMessage());
        }
    }

    @Test
    void decodesAnObjectBody() {
        InboundMessage message = decoder.decode(optedOut("""
                {"memberId":"m-1","chainId":"gr-1","optedOutAt":"2026-11-27T18:00:00Z"}"""));

        assertEquals("e-1", message.messageId());
        assertEquals("m-1", ((MemberOptedOut) message.payload()).memberId());
    }

    private static ConsumerRecord<String, byte[]> optedOut(String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.MEMBERS.name(), 0, 0L, "m-1",
                json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, "e-1");
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, IntegrationEvent.typeOf(MemberOptedOut.class));
        return record;
    }
}

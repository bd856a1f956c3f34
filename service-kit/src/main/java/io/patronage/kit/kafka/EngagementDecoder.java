package io.patronage.kit.kafka;

import io.patronage.contracts.engagement.EngagementEvent;
import io.patronage.kit.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes the plain JSON engagement events the chains' apps send to {@code retail.engagement.v1};
 * their identity is {@code chainId:engagementId}.
 */
public final class EngagementDecoder implements MessageDecoder {

    static final Set<String> TYPES = Set.of("SURVEY_COMPLETED", "REVIEW", "SOCIAL_SHARE");
    /** A survey's "how likely are you to recommend us?", 0 to 10. */
    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 10;

    @Override
    public InboundMessage decode(ConsumerRecord<String, byte[]> record) {
        RecordSize.check(record);
        EngagementEvent event;
        try {
            event = Json.strictReader().readValue(record.value(), EngagementEvent.class);
        } catch (IOException e) {
            throw new PoisonMessageException("malformed engagement JSON: " + JsonErrors.describe(e), e);
        }
        if (event == null) {
            throw new PoisonMessageException("engagement JSON is null");
        }
        List<String> problems = new ArrayList<>();
        if (blank(event.engagementId())) {
            problems.add("engagementId is required");
        }
        if (blank(event.chainId())) {
            problems.add("chainId is required");
        }
        if (blank(event.memberId())) {
            problems.add("memberId is required");
        }
        if (event.type() == null || !TYPES.contains(event.type())) {
            problems.add("type must be one of " + TYPES);
        }
        if (event.score() != null && (event.score() < MIN_SCORE || event.score() > MAX_SCORE)) {
            problems.add("score must be between " + MIN_SCORE + " and " + MAX_SCORE + ": " + event.score());
        }
        if (event.occurredAt() == null) {
            problems.add("occurredAt is required (ISO-8601 with offset)");
        }
        if (!problems.isEmpty()) {
            throw new PoisonMessageException("invalid engagement event: " + String.join("; ", problems));
        }
        return new InboundMessage(event.chainId() + ":" + event.engagementId(), event.occurredAt().toInstant(),
                event, record);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

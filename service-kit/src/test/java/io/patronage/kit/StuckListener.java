package io.patronage.kit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.Topic;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Test listener on a topic of its own whose dead-letter topic the test can make refuse every record. */
@Singleton
@Requires(property = "kit-test.stuck-topic")
public class StuckListener implements TopicListener {

    private final Topic topic;

    StuckListener(@Value("${kit-test.stuck-topic}") String topic) {
        this.topic = Topic.cloudEvents(topic, "anything", List.of("the test"), 1, null, false);
    }

    @Override
    public String name() {
        return "stuck";
    }

    @Override
    public List<Topic> topics() {
        return List.of(topic);
    }

    @Override
    public MessageDecoder decoder() {
        return record -> new InboundMessage(record.topic() + "@" + record.offset(),
                Instant.ofEpochMilli(record.timestamp()), new String(record.value(), StandardCharsets.UTF_8), record);
    }

    @Override
    public boolean deduplicate() {
        return false;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        if (batch.stream().anyMatch(message -> message.payload().equals("poison"))) {
            throw new IllegalStateException("refused by the test");
        }
    }
}

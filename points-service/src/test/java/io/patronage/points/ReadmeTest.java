package io.patronage.points;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's topic table must follow the registry: every topic we touch and every event on it. */
class ReadmeTest {

    private static final List<Topic> CONSUMED = List.of(Topics.MEMBERS, Topics.TRANSACTIONS, Topics.POINTS_REQUESTS,
            Topics.ENGAGEMENT);
    private static final List<Topic> PUBLISHED = List.of(Topics.POINTS, Topics.NOTIFICATIONS);

    @Test
    void documentsEveryTopicAndEventItConsumesAndPublishes() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (Topic topic : concat(CONSUMED, PUBLISHED)) {
            assertTrue(readme.contains("`" + topic.name() + "`"), "README misses topic " + topic.name());
            for (Class<? extends IntegrationEvent> event : topic.events()) {
                assertTrue(readme.contains("`" + IntegrationEvent.typeOf(event) + "`"),
                        "README misses " + IntegrationEvent.typeOf(event) + " on " + topic.name());
            }
        }
        assertTrue(readme.contains("`" + Topics.TRANSACTIONS.deadLetterTopic() + "`"));
    }

    private static List<Topic> concat(List<Topic> first, List<Topic> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

package io.patronage.enrollment;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Kafka section cannot drift from the topic registry. */
class ReadmeTest {

    @Test
    void documentsEveryTopicThisServiceWritesAndEveryEventOnIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<Topic> written = Topics.ALL.stream().filter(topic -> topic.writtenBy().equals("enrollment-service")).toList();

        assertFalse(written.isEmpty(), "the registry names enrollment-service as the writer of its topics");
        for (Topic topic : written) {
            assertTrue(readme.contains("| `" + topic.name() + "` |"), "README documents " + topic.name());
            for (Class<? extends IntegrationEvent> event : topic.events()) {
                assertTrue(readme.contains("`" + IntegrationEvent.typeOf(event) + "`"),
                        "README documents " + IntegrationEvent.typeOf(event) + " on " + topic.name());
            }
        }
    }
}

package io.patronage.analytics.participation;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.analytics.ParticipationView;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's list of what the service consumes and publishes is checked against the code and the registry. */
class ReadmeTest {

    @Test
    void documentsEveryConsumedTopicAndItsEventsAndThePublishedView() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (Topic topic : new ParticipationListener(null, null, null, null).topics()) {
            assertTrue(readme.contains("| consumes | `" + topic.name() + "` |"), topic.name());
            for (Class<? extends IntegrationEvent> event : topic.events()) {
                assertTrue(readme.contains("`" + event.getSimpleName() + "`"), event.getSimpleName());
            }
        }
        Topic published = Topics.topicOf(ParticipationView.class);
        assertTrue(readme.contains("| publishes | `" + published.name() + "` (compacted) | `ParticipationView`"));
    }
}

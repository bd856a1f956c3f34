package io.patronage.testsupport;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a service's README must say about its topics, checked from what the service really does: the topics its
 * listeners consume (the caller passes them, read from the running service's {@code TopicListener} beans) and the
 * topics the registry says it publishes. Each has a table row naming it, every payload on it is named
 * ({@code `PointsEarned`} or {@code `io.patronage.PointsEarned`}), and every consumed topic's dead-letter topic is
 * named (or the rule {@code `<topic>.dlq`} stated), so a reader knows where a bad record goes.
 */
public final class ReadmeContract {

    private ReadmeContract() {
    }

    public static void assertDocumentsTopics(String service, Collection<Topic> consumed) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<Topic> topics = new LinkedHashSet<>(consumed);
        topics.addAll(Topics.publishedBy(service));
        assertFalse(topics.isEmpty(), service + " neither consumes nor publishes a topic");

        for (Topic topic : topics) {
            String name = "`" + topic.name() + "`";
            assertTrue(readme.lines().anyMatch(line -> line.startsWith("|") && line.contains(name)),
                    service + " README has no table row for " + topic.name());
            for (Class<?> payload : topic.payloads()) {
                assertTrue(Pattern.compile("[`.]" + payload.getSimpleName() + "`").matcher(readme).find(),
                        service + " README does not name " + payload.getSimpleName() + " on " + topic.name());
            }
        }
        for (Topic topic : consumed) {
            assertTrue(readme.contains("`" + topic.deadLetterTopic() + "`") || readme.contains("`<topic>.dlq`"),
                    service + " README does not say where bad records of " + topic.name() + " go");
        }
    }
}

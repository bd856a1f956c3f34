package io.patronage.contracts;

import java.time.Duration;
import java.util.List;

/**
 * One Kafka topic of the published language.
 *
 * @param name       {@code <domain>.<stream>.v<N>}
 * @param key        what the record key is
 * @param writtenBy  who produces to it
 * @param partitions partitions in production
 * @param retention  how long records are kept; {@code null} for forever
 * @param compacted  whether the topic is log-compacted (latest value per key)
 * @param events     integration events carried, empty for topics whose records carry no envelope
 */
public record Topic(String name,
                    String key,
                    String writtenBy,
                    int partitions,
                    Duration retention,
                    boolean compacted,
                    List<Class<? extends IntegrationEvent>> events) {

    public Topic {
        if (!name.matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+")) {
            throw new IllegalArgumentException("topic name must be <domain>.<stream>.v<N>: " + name);
        }
        events = List.copyOf(events);
    }

    /** Where records that cannot be processed go, with the reason in a header. */
    public String deadLetterTopic() {
        return name + ".dlq";
    }
}

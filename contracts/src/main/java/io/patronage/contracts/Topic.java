package io.patronage.contracts;

import java.time.Duration;
import java.util.List;

/**
 * One Kafka topic of the published language.
 *
 * @param name       {@code <domain>.<stream>.v<N>}
 * @param key        what the record key is
 * @param envelope   how a record carries its payload
 * @param payloads   what a record's value is: the integration events of a {@link Envelope#CLOUD_EVENT} topic, the
 *                   one record type of a {@link Envelope#PLAIN_JSON} topic; empty for a topic reserved for later
 * @param producers  who writes to it: the Patronage services by application name, or the outside party
 * @param partitions partitions in production
 * @param retention  how long records are kept; {@code null} for forever
 * @param compacted  whether the topic is log-compacted (latest value per key)
 * @param consumers  the Patronage services that read it, by application name ({@link #readBy}); their Kafka
 *                   credentials may read it and write its dead-letter topic, nothing more
 */
public record Topic(String name,
                    String key,
                    Envelope envelope,
                    List<Class<?>> payloads,
                    List<String> producers,
                    int partitions,
                    Duration retention,
                    boolean compacted,
                    List<String> consumers) {

    /** How a record carries its payload. */
    public enum Envelope {
        /** Binary-mode CloudEvents: {@code ce_*} headers, the event as JSON in the value; {@code ce_type} says which. */
        CLOUD_EVENT,
        /** The payload as plain JSON, no headers needed: what outside systems (tills, apps) send. */
        PLAIN_JSON
    }

    public Topic {
        if (!name.matches("[a-z]+(\\.[a-z-]+)+\\.v\\d+")) {
            throw new IllegalArgumentException("topic name must be <domain>.<stream>.v<N>: " + name);
        }
        payloads = List.copyOf(payloads);
        producers = List.copyOf(producers);
        consumers = List.copyOf(consumers);
        if (envelope == Envelope.CLOUD_EVENT
                && !payloads.stream().allMatch(IntegrationEvent.class::isAssignableFrom)) {
            throw new IllegalArgumentException(name + ": a CloudEvent topic carries integration events only");
        }
        if (envelope == Envelope.PLAIN_JSON && payloads.size() > 1) {
            throw new IllegalArgumentException(name + ": a plain JSON topic carries one record type");
        }
    }

    /** A topic of CloudEvents carrying these integration events. */
    @SafeVarargs
    public static Topic cloudEvents(String name, String key, List<String> producers, int partitions,
                                    Duration retention, boolean compacted, Class<? extends IntegrationEvent>... events) {
        return new Topic(name, key, Envelope.CLOUD_EVENT, List.of(events), producers, partitions, retention, compacted,
                List.of());
    }

    /** A topic of plain JSON records of one type. */
    public static Topic plainJson(String name, String key, List<String> producers, int partitions,
                                  Duration retention, boolean compacted, Class<?> payload) {
        return new Topic(name, key, Envelope.PLAIN_JSON, List.of(payload), producers, partitions, retention, compacted,
                List.of());
    }

    /** This topic, read by these Patronage services (application names). */
    public Topic readBy(String... services) {
        return new Topic(name, key, envelope, payloads, producers, partitions, retention, compacted,
                List.of(services));
    }

    /** The integration events carried (CloudEvent topics); empty for a plain JSON topic. */
    public List<Class<? extends IntegrationEvent>> events() {
        if (envelope != Envelope.CLOUD_EVENT) {
            return List.of();
        }
        return payloads.stream().<Class<? extends IntegrationEvent>>map(type -> type.asSubclass(IntegrationEvent.class))
                .toList();
    }

    /** Who writes to it, for people: {@code "enrollment-service"}, or several joined by commas. */
    public String writtenBy() {
        return String.join(", ", producers);
    }

    /** Named for a later use, not written to yet. */
    public boolean reserved() {
        return payloads.isEmpty();
    }

    /** Where records that cannot be processed go, with the reason in a header. */
    public String deadLetterTopic() {
        return name + ".dlq";
    }
}

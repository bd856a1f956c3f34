package io.patronage.contracts;

/**
 * An event that crosses a service boundary. Its CloudEvents type is {@code io.patronage.<SimpleName>}
 * and it travels on exactly one topic of the {@link Topics} registry, keyed by {@link #key()}.
 */
public interface IntegrationEvent {

    /** The Kafka record key: the entity the event is about, so that entity's events stay ordered. */
    String key();

    static String typeOf(Class<? extends IntegrationEvent> eventClass) {
        return "io.patronage." + eventClass.getSimpleName();
    }
}

package io.patronage.kit.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Gives Micronaut's HTTP layer the same JSON dialect as Kafka and the event store. Micronaut turns on
 * {@link DeserializationFeature#UNWRAP_SINGLE_VALUE_ARRAYS}, which Json's mapper leaves off: with it an array where an
 * object is expected ({@code [1]}, {@code [{...}]}) was unwrapped, past the scalar guard, into an internal error or a
 * silently accepted body; without it such a body is a 400 like any other wrong type.
 */
@Singleton
class ObjectMapperCustomizer implements BeanCreatedEventListener<ObjectMapper> {
    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return Json.configure(event.getBean()).disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
    }
}

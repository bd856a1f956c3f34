package io.patronage.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.contracts.notifications.NotificationParameters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI document and the topic registry describe the same topics, messages and fields. */
class AsyncApiDocumentTest {

    private final JsonNode document = read();

    @Test
    void hasOneChannelPerRegistryTopicAndNoOther() {
        Set<String> channels = new TreeSet<>();
        document.get("channels").fields().forEachRemaining(channel -> {
            assertEquals(channel.getKey(), channel.getValue().get("address").asText(), "address is the topic name");
            channels.add(channel.getKey());
        });
        Set<String> topics = Topics.ALL.stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(topics, channels);
    }

    @Test
    void eachChannelCarriesExactlyTheRegistryEventsWithTheRegistryPartitions() {
        for (Topic topic : Topics.ALL) {
            JsonNode channel = document.get("channels").get(topic.name());
            Set<String> messages = new HashSet<>();
            channel.get("messages").fieldNames().forEachRemaining(messages::add);
            Set<String> expected = topic.payloads().stream().map(Class::getSimpleName).collect(Collectors.toSet());
            assertEquals(expected, messages, topic.name());
            assertEquals(topic.partitions(), channel.get("bindings").get("kafka").get("partitions").asInt(), topic.name());
        }
    }

    /** The name the field has in JSON: its {@code @JsonProperty} name where it has one. */
    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    @Test
    void eachMessageSchemaListsExactlyTheRecordsFields() {
        Set<Class<?>> records = new HashSet<>();
        Topics.ALL.forEach(topic -> records.addAll(topic.payloads()));
        for (Class<?> type : records) {
            JsonNode schema = document.get("components").get("schemas").get(type.getSimpleName());
            assertNotNull(schema, "schema for " + type.getSimpleName());
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> fields = Arrays.stream(type.getRecordComponents()).map(AsyncApiDocumentTest::jsonName)
                    .filter(name -> !name.equals("key"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(fields, properties, type.getSimpleName());
            schema.path("required").forEach(required ->
                    assertTrue(fields.contains(required.asText()), type.getSimpleName() + " requires " + required));
        }
    }

    @Test
    void eachNotificationKindHasAParametersSchemaListingExactlyItsRecordsFields() {
        Set<String> kinds = new TreeSet<>();
        document.get("components").get("schemas").get("NotificationRequested").get("properties").get("kind")
                .get("enum").forEach(kind -> kinds.add(kind.asText()));
        for (Class<? extends NotificationParameters> type : NotificationParameters.KINDS) {
            JsonNode schema = document.get("components").get("schemas").get(type.getSimpleName());
            assertNotNull(schema, "schema for " + type.getSimpleName());
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> fields = Arrays.stream(type.getRecordComponents())
                    .flatMap(field -> field.getType() == CouponOffer.class ? CouponOffer.WIRE_NAMES.stream()
                            : Stream.of(jsonName(field)))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(fields, properties, type.getSimpleName());
        }
        assertEquals(NotificationParameters.KINDS.size(), kinds.size(), "one kind per parameters record: " + kinds);
    }

    @Test
    void everyEventTypeResolvesToItsClassAndTopic() {
        for (Topic topic : Topics.ALL) {
            for (Class<? extends IntegrationEvent> event : topic.events()) {
                String type = IntegrationEvent.typeOf(event);
                assertEquals(event, Topics.eventClass(type).orElseThrow(), type);
                assertEquals(topic, Topics.topicOf(event), type);
            }
        }
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

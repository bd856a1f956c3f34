package io.patronage.kit.kafka;

import io.patronage.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DispatchingListenerTest {

    record Opened(String id) {
    }

    record Closed(String id) {
    }

    private final List<String> handled = new ArrayList<>();

    private final DispatchingListener listener = new DispatchingListener() {
        {
            on(Opened.class, (opened, message) -> {
                if (opened.id().startsWith("unknown")) {
                    throw new AggregateNotFoundException(opened.id(), "no such aggregate");
                }
                handled.add("opened " + opened.id() + " as " + message.messageId());
            }, (opened, message) -> handled.add("no aggregate " + opened.id()));
            on(Closed.class, (closed, message) -> {
                if (closed.id().startsWith("unknown")) {
                    throw new AggregateNotFoundException(closed.id(), "no such aggregate");
                }
                handled.add("closed " + closed.id());
            });
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<Topic> topics() {
            return List.of();
        }
    };

    @Test
    void handsEachMessageToTheHandlerOfItsPayloadTypeInOrderAndSkipsOtherTypes() {
        listener.onBatch(List.of(message("m-1", new Opened("a")), message("m-2", "not handled"),
                message("m-3", new Closed("a")), message("m-4", new Opened("unknown-b"))));

        assertEquals(List.of("opened a as m-1", "closed a", "no aggregate unknown-b"), handled);
    }

    @Test
    void aMissingAggregateFailsTheMessageWhenTheListenerSaysNothingAboutIt() {
        assertThrows(AggregateNotFoundException.class,
                () -> listener.onBatch(List.of(message("m-1", new Closed("unknown-c")))));
    }

    private static InboundMessage message(String id, Object payload) {
        return new InboundMessage(id, Instant.EPOCH, payload, new ConsumerRecord<>("t", 0, 0, "k", new byte[0]));
    }
}
